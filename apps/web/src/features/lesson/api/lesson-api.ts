import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';

export type Lesson = ApiSchemas['LearnerLessonDto'];
export type Source = ApiSchemas['SourceDto'];

export const getLesson = (enrolmentId: string, lessonKey: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/lessons/{lessonKey}', { params: { path: { enrolmentId, lessonKey }, query: { lang } } }));

export const completeLesson = (enrolmentId: string, lessonKey: string, idempotencyKey: string) =>
  apiCall(() =>
    api.POST('/api/enrolments/{enrolmentId}/lessons/{lessonKey}/complete', { params: { path: { enrolmentId, lessonKey } }, body: { idempotencyKey } }),
  );
