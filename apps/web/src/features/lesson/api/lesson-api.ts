import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';
import { queuedPost } from '../../../lib/offline/queued-post';

export type Lesson = ApiSchemas['LearnerLessonDto'];
export type Source = ApiSchemas['SourceDto'];

export const getLesson = (enrolmentId: string, lessonKey: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/lessons/{lessonKey}', { params: { path: { enrolmentId, lessonKey }, query: { lang } } }));

export type SubmissionResult = ApiSchemas['SubmissionResultDto'];

/** "Marcar como leída" through the answer queue: recorded on the phone at once, on the server when it can be reached. */
export const completeLesson = (enrolmentId: string, lessonKey: string, idempotencyKey: string, label?: string) =>
  queuedPost({ enrolmentId, target: `lesson-${lessonKey}`, label }, '/api/enrolments/{enrolmentId}/lessons/{lessonKey}/complete', {
    params: { path: { enrolmentId, lessonKey } },
    body: { idempotencyKey },
  });

export type ActionPlan = ApiSchemas['ActionPlanDto'];

export const getActionPlan = (enrolmentId: string) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/action-plan', { params: { path: { enrolmentId } } }));

/** PUT replaces the plan, so a retried save is harmless. */
export const saveActionPlan = (enrolmentId: string, commitments: string[]) =>
  apiCall(() => api.PUT('/api/enrolments/{enrolmentId}/action-plan', { params: { path: { enrolmentId } }, body: { commitments } }));
