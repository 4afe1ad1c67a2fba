import { randomUUID } from 'node:crypto';
import type { Course, DecisionNode } from '#curriculum';
import type { SimulatedClock } from '../../common/clock.js';
import type { JourneyService } from '../../journey/journey.service.js';
import type { ScenarioRuns } from '../../journey/scenario-runs.service.js';
import { simulatedLearner } from '../../journey/submission.service.js';
import type { LearnerAnswers, SimulatedLearner } from './demo-population.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SeededEnrolment {
  learner: SimulatedLearner;
  userId: string;
  enrolmentId: string;
  /** When the learner registered (the user and enrolment rows carry it). */
  registeredAt: number;
  /** The cohort's delay between completion and the follow-up. */
  followUpDays: number;
}

/**
 * Plays one simulated learner's history through the journey service — the same code the API runs for a real learner,
 * so attempts, responses, answer and choice vectors, consent records, scenario runs, the journey snapshot and the
 * certificate are what real use stores. Only the clock is simulated: it walks forward through the learner's past
 * (minutes between steps, days between modules), never beyond `now`, so the follow-up opens after the cohort's real
 * delay for the learners who finished early enough.
 */
export async function playLearner(
  { journey, scenarios }: { journey: JourneyService; scenarios: ScenarioRuns }, clock: SimulatedClock, course: Course, who: SeededEnrolment, answers: LearnerAnswers, now: number,
): Promise<void> {
  const { learner, enrolmentId } = who;
  const actor = simulatedLearner(who.userId); // no session: the server plays the learner itself
  const { fate } = learner;
  const rng = answers.rng;
  let t = who.registeredAt;
  const step = (minutes: number) => clock.set((t = Math.min(now - MINUTE, t + minutes * MINUTE * rng.uniform(0.6, 1.4))));
  const key = () => randomUUID();

  step(rng.uniform(3, 40));
  await journey.consent(actor, enrolmentId, key(), fate.kind === 'complete' ? fate.evaluationUse : true);
  step(rng.uniform(2, 8));
  await journey.submitAssessment(actor, enrolmentId, 'pre', 'knowledge', answers.knowledge('pre'), key(), 'es');
  step(rng.uniform(8, 20));
  await journey.submitAssessment(actor, enrolmentId, 'pre', 'attitude', answers.attitude('pre'), key(), 'es');

  const modules = course.moduleOrder.map((k) => course.modules.find((m) => m.key === k)!);
  const modulesDone = fate.kind === 'complete' ? modules.length : fate.modulesDone;
  for (const module of modules.slice(0, modulesDone)) {
    step(learner.pace * DAY / MINUTE);
    for (const lesson of module.lessons) {
      await journey.completeLesson(actor, enrolmentId, lesson.key, key());
      step(rng.uniform(6, 20));
    }
    for (let attempt = 0; ; attempt++) {
      const { grade } = await journey.submitQuiz(actor, enrolmentId, module.key, answers.quiz(module.quiz.questions, attempt), key(), 'es');
      step(rng.uniform(3, 10));
      if (grade.passed) break;
    }
    const scenario = module.scenario ? course.scenarios.find((s) => s.key === module.scenario) : undefined;
    if (scenario) {
      let run = await scenarios.run(actor.id, enrolmentId, scenario.key, 'es');
      while (!run.finished) {
        const node = scenario.nodes.find((n) => n.key === run.current.key) as DecisionNode;
        run = await scenarios.choose(actor, enrolmentId, scenario.key, node.key, answers.choose(node), key(), 'es');
        step(rng.uniform(1, 4));
      }
    }
  }

  if (fate.kind === 'dropout' && fate.lessonsRead > 0) {
    step(learner.pace * DAY / MINUTE);
    for (const lesson of modules[modulesDone]!.lessons.slice(0, fate.lessonsRead)) {
      await journey.completeLesson(actor, enrolmentId, lesson.key, key());
      step(rng.uniform(6, 20));
    }
  }
  if (fate.kind === 'withdrawal') {
    step(rng.uniform(2, 6) * DAY / MINUTE);
    await journey.withdraw(actor, enrolmentId, key());
  }
  if (fate.kind !== 'complete') return;

  step(rng.uniform(0.2, 2) * DAY / MINUTE);
  await journey.submitAssessment(actor, enrolmentId, 'post', 'knowledge', answers.knowledge('post'), key(), 'es');
  step(rng.uniform(2, 8));
  await journey.submitAssessment(actor, enrolmentId, 'post', 'attitude', answers.attitude('post'), key(), 'es');
  step(rng.uniform(5, 12));
  await journey.submitAssessment(actor, enrolmentId, 'post', 'then', answers.attitude('then'), key(), 'es');

  // The follow-up opens follow_up_days after completion; only learners who finished that long ago can answer it.
  const opensAt = t + who.followUpDays * DAY;
  if (fate.followUp && opensAt < now - DAY) {
    t = Math.min(now - MINUTE, opensAt + rng.uniform(1, 20) * DAY);
    clock.set(t);
    const [knowledge, attitude] = [answers.knowledge('followup'), answers.attitude('followup')];
    await journey.submitFollowUp(actor, enrolmentId, { knowledge, attitude, practice: answers.practice() }, key(), 'es');
  }
}
