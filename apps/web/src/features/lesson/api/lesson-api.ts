import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';

export type Lesson = ApiSchemas['LearnerLessonDto'];
export type Source = ApiSchemas['SourceDto'];

export const getLesson = (enrolmentId: string, lessonKey: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/lessons/{lessonKey}', { params: { path: { enrolmentId, lessonKey }, query: { lang } } }));

export type ActionPlan = ApiSchemas['ActionPlanDto'];

export const getActionPlan = (enrolmentId: string) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/action-plan', { params: { path: { enrolmentId } } }));

/** PUT replaces the plan, so a retried save is harmless. */
export const saveActionPlan = (enrolmentId: string, commitments: string[]) =>
  apiCall(() => api.PUT('/api/enrolments/{enrolmentId}/action-plan', { params: { path: { enrolmentId } }, body: { commitments } }));
