// The learner's actions on the path as plain data, and one small function per action that sends it to the API.
// Plain data on purpose: an action can be stored, compared (same action pressed again → same idempotency key) and
// replayed later by a queue; the journey driver (journey-driver.ts) sends them in order through `sendSubmission`.
import type { JourneyStep, PostPart, PrePart } from '#journey';
import { api, type ApiSchemas } from '../api/api-client';
import { apiCall } from '../api/call';
import type { Language } from '../i18n';

type Answers = Record<string, unknown>;

export type Submission =
  /** evaluationUse: true = course with evaluation; false = course only (answers kept out of every statistic). */
  | { kind: 'consent'; evaluationUse: boolean }
  /** Declining before consenting, or withdrawing afterwards: one machine event, one route. */
  | { kind: 'withdraw' }
  | { kind: 'lesson'; moduleKey: string; lessonKey: string }
  | { kind: 'assessment'; wave: 'pre'; part: PrePart; answers: Answers }
  | { kind: 'assessment'; wave: 'post'; part: PostPart; answers: Answers }
  | { kind: 'quiz'; moduleKey: string; answers: Record<string, string[]> }
  | { kind: 'scenario'; moduleKey: string; scenarioKey: string; nodeKey: string; choiceKey: string }
  /** practice: the behaviour follow-up (absent when the course version has none). */
  | { kind: 'followUp'; knowledge: Answers; attitude: Answers; practice?: Record<string, string> };

type SubmissionResult = ApiSchemas['SubmissionResultDto'];
export type ScenarioChoiceResult = ApiSchemas['ScenarioChoiceResultDto'];
/** What the API answers to each kind of action (every answer carries the server's journey). */
export type ResultOf<S extends Submission> = S extends { kind: 'scenario' } ? ScenarioChoiceResult : SubmissionResult;

/** The step of the journey an action takes: what the machine is asked (and, unless graded, sent) before it goes out. */
export function stepOf(submission: Submission): JourneyStep {
  switch (submission.kind) {
    case 'consent':
      return { kind: 'consent' };
    case 'withdraw':
      return { kind: 'withdraw' };
    case 'lesson':
      return { kind: 'completeLesson', moduleKey: submission.moduleKey, lessonKey: submission.lessonKey };
    case 'assessment':
      return submission.wave === 'pre' ? { kind: 'assessment', wave: 'pre', part: submission.part } : { kind: 'assessment', wave: 'post', part: submission.part };
    case 'quiz':
      return { kind: 'quiz', moduleKey: submission.moduleKey };
    case 'scenario':
      return { kind: 'scenario', moduleKey: submission.moduleKey };
    case 'followUp':
      return { kind: 'followUp' };
  }
}

const path = (enrolmentId: string) => ({ path: { enrolmentId } });

export const giveConsent = (enrolmentId: string, evaluationUse: boolean, idempotencyKey: string) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/consent', { params: path(enrolmentId), body: { idempotencyKey, evaluationUse } }));

export const withdrawConsent = (enrolmentId: string, idempotencyKey: string) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/withdraw', { params: path(enrolmentId), body: { idempotencyKey } }));

export const completeLesson = (enrolmentId: string, lessonKey: string, idempotencyKey: string) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/lessons/{lessonKey}/complete', { params: { path: { enrolmentId, lessonKey } }, body: { idempotencyKey } }));

export const submitAssessment = (enrolmentId: string, wave: 'pre' | 'post', part: PostPart, answers: Answers, idempotencyKey: string, lang: Language) =>
  apiCall(() =>
    api.POST('/api/enrolments/{enrolmentId}/assessments/{wave}/{part}', { params: { path: { enrolmentId, wave, part }, query: { lang } }, body: { idempotencyKey, answers } }),
  );

export const submitQuiz = (enrolmentId: string, moduleKey: string, answers: Record<string, string[]>, idempotencyKey: string, lang: Language) =>
  apiCall(() =>
    api.POST('/api/enrolments/{enrolmentId}/modules/{moduleKey}/quiz-attempts', { params: { path: { enrolmentId, moduleKey }, query: { lang } }, body: { idempotencyKey, answers } }),
  );

export const chooseInScenario = (enrolmentId: string, scenarioKey: string, nodeKey: string, choiceKey: string, idempotencyKey: string, lang: Language) =>
  apiCall(() =>
    api.POST('/api/enrolments/{enrolmentId}/scenarios/{scenarioKey}/choices', { params: { path: { enrolmentId, scenarioKey }, query: { lang } }, body: { idempotencyKey, nodeKey, choiceKey } }),
  );

export const submitFollowUp = (enrolmentId: string, answers: { knowledge: Answers; attitude: Answers; practice?: Record<string, string> }, idempotencyKey: string, lang: Language) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/follow-up', { params: { path: { enrolmentId }, query: { lang } }, body: { idempotencyKey, ...answers } }));

/** One queued action's answer from the queue route: its own route's data (200), or its refusal. */
export interface QueuedAnswer {
  status: number;
  result?: unknown;
  code?: string;
}

/** The route's names for an action's fields: the action as plain data, with its kind. */
const queuedItem = ({ key, submission, lang }: { key: string; submission: Submission; lang: Language }) => ({ ...submission, idempotencyKey: key, lang });

/**
 * Sends several actions of one enrolment, oldest first, in one request (a phone's queue after the connection came
 * back); each is answered as its own route would answer it, in the same order.
 */
export async function sendQueue(enrolmentId: string, actions: { key: string; submission: Submission; lang: Language }[], lang: Language): Promise<QueuedAnswer[]> {
  const answer = await apiCall(() =>
    api.POST('/api/enrolments/{enrolmentId}/submissions', { params: { path: { enrolmentId }, query: { lang } }, body: { items: actions.map(queuedItem) } }),
  );
  // The queue's journey comes once, after its last action: each answer takes it, as its own route would carry one.
  return answer.outcomes.map((o) => (o.status === 200 ? { ...o, result: { ...o.result, journey: answer.journey } } : o));
}

/** Sends one action with its idempotency key (a retry with the same key returns the first answer and records nothing). */
export function sendSubmission<S extends Submission>(enrolmentId: string, submission: S, key: string, lang: Language): Promise<ResultOf<S>> {
  const s: Submission = submission;
  const sent: Promise<SubmissionResult | ScenarioChoiceResult> = (() => {
    switch (s.kind) {
      case 'consent':
        return giveConsent(enrolmentId, s.evaluationUse, key);
      case 'withdraw':
        return withdrawConsent(enrolmentId, key);
      case 'lesson':
        return completeLesson(enrolmentId, s.lessonKey, key);
      case 'assessment':
        return submitAssessment(enrolmentId, s.wave, s.part, s.answers, key, lang);
      case 'quiz':
        return submitQuiz(enrolmentId, s.moduleKey, s.answers, key, lang);
      case 'scenario':
        return chooseInScenario(enrolmentId, s.scenarioKey, s.nodeKey, s.choiceKey, key, lang);
      case 'followUp':
        return submitFollowUp(enrolmentId, { knowledge: s.knowledge, attitude: s.attitude, ...(s.practice ? { practice: s.practice } : {}) }, key, lang);
    }
  })();
  return sent as Promise<ResultOf<S>>;
}
