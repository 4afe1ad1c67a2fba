import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';
import { queuedPost } from '../../../lib/offline/queued-post';

export type Quiz = ApiSchemas['LearnerQuizDto'];

export const getQuiz = (enrolmentId: string, moduleKey: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/modules/{moduleKey}/quiz', { params: { path: { enrolmentId, moduleKey }, query: { lang } } }));

export type SubmissionResult = ApiSchemas['SubmissionResultDto'];

/** Through the answer queue: graded by the server when it arrives, "queued" meanwhile (never graded on the phone). */
export const submitQuiz = (enrolmentId: string, moduleKey: string, answers: Record<string, string[]>, idempotencyKey: string, lang: Language, label?: string) =>
  queuedPost({ enrolmentId, target: `quiz-${moduleKey}`, label }, '/api/enrolments/{enrolmentId}/modules/{moduleKey}/quiz-attempts', {
    params: { path: { enrolmentId, moduleKey }, query: { lang } },
    body: { idempotencyKey, answers },
  });
