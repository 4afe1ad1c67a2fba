import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';

export type Quiz = ApiSchemas['LearnerQuizDto'];

export const getQuiz = (enrolmentId: string, moduleKey: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/modules/{moduleKey}/quiz', { params: { path: { enrolmentId, moduleKey }, query: { lang } } }));
