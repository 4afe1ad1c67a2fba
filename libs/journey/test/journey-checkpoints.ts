// A journey stopped at every kind of place the machine can be: the table the "may I?" specs (libs and web) walk.
// Built by applying real events from a start time, so a web test can build them around its own clock.
import { applyAll, followUpSteps, minuteClock, pathToCompletion, type Step } from './journey-fixtures.js';
import { DAY_MS, startJourney, type JourneyOutline, type PersistedJourney } from '../src/index.js';

export interface Checkpoint {
  name: string;
  snapshot: PersistedJourney;
}

/**
 * For an outline whose first module has a scenario and at least two lessons, and whose second module exists:
 * consent, pre-assessment, each learning phase (reading, quiz, failed attempt, review, scenario), the next module,
 * post-assessment, completed (follow-up closed and open), follow-up, done, and withdrawn from four stages.
 */
export function journeyCheckpoints(outline: JourneyOutline, start: number): Checkpoint[] {
  const path = pathToCompletion(outline, minuteClock(start));
  const at = (label: string) => {
    const index = path.findIndex((step) => step.label === label);
    if (index === -1) throw new Error(`no step ${label}`);
    return index;
  };
  const after = (label: string): PersistedJourney => applyAll(startJourney(outline), path.slice(0, at(label) + 1));
  const [m1, m2] = outline.modules;
  if (!m1 || !m2 || !m1.scenarioKey || m1.lessonKeys.length < 2) throw new Error('journeyCheckpoints needs a richer outline');
  const later = (n: number) => start + DAY_MS + n;
  const fail = (moduleKey: string, count: number): Step[] =>
    Array.from({ length: count }, (_, i) => ({
      label: `${moduleKey} fail ${i + 1}`,
      event: { type: 'quiz.graded', moduleKey, passed: false, score: 0.2, at: later(i) } as const,
    }));
  const withdraw = (snapshot: PersistedJourney, when: number) =>
    applyAll(snapshot, [{ label: 'withdraw', event: { type: 'consent.withdrawn', at: when } }]);

  const m1Read = after(`${m1.key} lesson ${m1.lessonKeys.at(-1)}`);
  const lockedForReview = applyAll(m1Read, fail(m1.key, m1.quiz.maxAttempts));
  const lastPre = after('pre attitude');
  const lastPost = path.at(-1)!.label;
  const completed = after(lastPost);
  // The same journey lived long enough ago that its follow-up delay has passed by `start` (no clock tick yet).
  const oldPath = pathToCompletion(outline, minuteClock(start - (outline.followUpDelayDays + 30) * DAY_MS));
  const completedLongAgo = applyAll(startJourney(outline), oldPath);
  const [tick, followUp] = followUpSteps(outline, completedLongAgo.context.completedAt!);

  return [
    { name: 'consent', snapshot: startJourney(outline) },
    { name: 'pre, nothing submitted', snapshot: after('consent') },
    { name: 'pre, knowledge submitted', snapshot: after('pre knowledge') },
    { name: `learning ${m1.key}, reading (nothing read)`, snapshot: lastPre },
    { name: `learning ${m1.key}, reading (one read)`, snapshot: after(`${m1.key} lesson ${m1.lessonKeys[0]}`) },
    { name: `learning ${m1.key}, quiz`, snapshot: m1Read },
    { name: `learning ${m1.key}, quiz after a failed attempt`, snapshot: applyAll(m1Read, fail(m1.key, 1)) },
    { name: `learning ${m1.key}, locked for review`, snapshot: lockedForReview },
    {
      name: `learning ${m1.key}, review half done`,
      snapshot: applyAll(lockedForReview, [
        { label: 'review', event: { type: 'lesson.completed', moduleKey: m1.key, lessonKey: m1.lessonKeys[0]!, at: later(9) } },
      ]),
    },
    { name: `learning ${m1.key}, scenario`, snapshot: after(`${m1.key} quiz`) },
    { name: `learning ${m2.key}, reading`, snapshot: after(`${m1.key} scenario`) },
    { name: 'post, nothing submitted', snapshot: after(path[at('post knowledge') - 1]!.label) },
    { name: 'post, knowledge submitted', snapshot: after('post knowledge') },
    { name: 'completed, follow-up not open', snapshot: completed },
    { name: 'completed, follow-up delay passed', snapshot: completedLongAgo },
    { name: 'follow-up', snapshot: applyAll(completedLongAgo, [tick!]) },
    { name: 'done', snapshot: applyAll(completedLongAgo, [tick!, followUp!]) },
    { name: 'withdrawn at consent (declined)', snapshot: withdraw(startJourney(outline), start) },
    { name: 'withdrawn during pre', snapshot: withdraw(after('consent'), start + DAY_MS) },
    { name: 'withdrawn while learning', snapshot: withdraw(after(`${m1.key} quiz`), start + DAY_MS) },
    { name: 'withdrawn after completing', snapshot: withdraw(completedLongAgo, completedLongAgo.context.completedAt! + DAY_MS) },
  ];
}
