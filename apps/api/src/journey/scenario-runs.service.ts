import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import { type Locale, walkScenario } from '#curriculum';
import { rejectionMessage, whyNotStep } from '#journey';
import { AppException, notFound } from '../common/app-exception.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { AttemptStore } from './attempt-store.service.js';
import type { ScenarioChoiceResultDto, ScenarioRunDto } from './journey.dto.js';
import { OptionSeeds } from './option-seeds.service.js';
import { describeRun } from './scenario-run.js';
import { JourneySubmissions, type Learner, problemsError, submissionAction } from './submission.service.js';

/** Scenario runs: one decision at a time, kept on the server so a reload or another device resumes where it was. */
@Injectable()
export class ScenarioRuns {
  constructor(
    private readonly db: DatabasePool,
    private readonly catalog: CourseCatalog,
    private readonly submissions: JourneySubmissions,
    private readonly attempts: AttemptStore,
    private readonly seeds: OptionSeeds,
  ) {}

  async run(userId: string, enrolmentId: string, scenarioKey: string, locale: Locale): Promise<ScenarioRunDto> {
    const course = await this.catalog.publishedContent(await this.submissions.pinnedVersion(userId, enrolmentId));
    if (!course.scenarios.some((s) => s.key === scenarioKey)) throw notFound('Scenario');
    const seed = await this.seeds.forScenario(enrolmentId, scenarioKey);
    const [run] = await this.db.query(`SELECT choices FROM scenario_runs WHERE enrolment_id = $1 AND scenario_key = $2`, [enrolmentId, scenarioKey]);
    return describeRun(course, scenarioKey, (run?.choices as string[]) ?? [], locale, seed);
  }

  choose(learner: Learner, enrolmentId: string, scenarioKey: string, nodeKey: string, choiceKey: string, key: string, locale: Locale): Promise<ScenarioChoiceResultDto> {
    return this.submissions.submit(learner, enrolmentId, key, this.choiceAction(scenarioKey, nodeKey, choiceKey, locale)) as Promise<ScenarioChoiceResultDto>;
  }

  choiceAction(scenarioKey: string, nodeKey: string, choiceKey: string, locale: Locale) {
    return submissionAction({ action: 'scenario', scenarioKey, nodeKey, choiceKey }, locale, async (tx) => {
      const module = tx.course.modules.find((mod) => mod.scenario === scenarioKey);
      const scenario = tx.course.scenarios.find((s) => s.key === scenarioKey);
      if (!module || !scenario) throw notFound('Scenario');
      // Ask the machine, without committing anything, whether finishing this scenario would be allowed now.
      const reason = whyNotStep(tx.journey, { kind: 'scenario', moduleKey: module.key }, tx.at);
      if (reason) throw new AppException(409, reason, rejectionMessage(reason));
      const seed = await this.seeds.forScenario(tx.enrolment.id, scenarioKey, tx.m);
      const [run] = await tx.m.query(`SELECT choices, finished_at FROM scenario_runs WHERE enrolment_id = $1 AND scenario_key = $2 FOR UPDATE`, [tx.enrolment.id, scenarioKey]);
      const previous: string[] = run?.choices ?? [];
      const before = walkScenario(scenario, previous, tx.locale);
      const current = before.path[before.path.length - 1];
      if (before.complete || current !== nodeKey) {
        throw new AppException(409, 'SCENARIO_STEP_MISMATCH', `This decision was already made (the scenario is now at "${current}"). Reload to continue.`);
      }
      const walk = walkScenario(scenario, [...previous, choiceKey], tx.locale);
      if (!walk.valid) throw problemsError(walk.problems.map((p) => ({ ...p, path: 'choiceKey' })));
      const choices = [...previous, choiceKey];
      await tx.m.query(
        `INSERT INTO scenario_runs (enrolment_id, scenario_key, choices, finished_at, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (enrolment_id, scenario_key) DO UPDATE SET choices = excluded.choices, finished_at = excluded.finished_at, updated_at = now()`,
        [tx.enrolment.id, scenarioKey, JSON.stringify(choices), walk.complete ? new Date(tx.at) : null],
      );
      if (walk.complete && walk.ending) {
        tx.apply({ type: 'scenario.finished', moduleKey: module.key, scenarioKey, outcome: walk.ending.outcome, at: tx.at });
        this.attempts.insert(
          tx,
          { kind: 'scenario', moduleKey: module.key, targetKey: scenarioKey, score: walk.score, outcome: walk.ending.outcome, result: { maxScore: walk.maxScore, path: walk.path, ending: walk.ending.key, critical: walk.critical }, optionSeed: seed },
          walk.steps.map((s) => ({ itemKey: s.nodeKey, value: s.choiceKey, correct: null })),
        );
      }
      return describeRun(tx.course, scenarioKey, choices, tx.locale, seed);
    });
  }
}
