import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';

export type KnowledgeTest = ApiSchemas['LearnerKnowledgeTestDto'];
export type AttitudeInstrument = ApiSchemas['LearnerAttitudeInstrumentDto'];
export type PracticeQuestionnaire = ApiSchemas['LearnerPracticeQuestionnaireDto'];
export type Wave = 'pre' | 'post';
export type Part = 'knowledge' | 'attitude' | 'then';

export const getKnowledgeTest = (enrolmentId: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/knowledge-test', { params: { path: { enrolmentId }, query: { lang } } }));

export const getAttitudeInstrument = (enrolmentId: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/attitude-instrument', { params: { path: { enrolmentId }, query: { lang } } }));

/** The behaviour follow-up of the learner's course version (null when it has none). */
export const getPracticeQuestionnaire = (enrolmentId: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/practice-questionnaire', { params: { path: { enrolmentId }, query: { lang } } }));

export type ActionPlan = ApiSchemas['ActionPlanDto'];
export type FollowUpStatus = NonNullable<ActionPlan['followUpStatus']>[number];

export const getActionPlan = (enrolmentId: string) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/action-plan', { params: { path: { enrolmentId } } }));

/** "¿Cumplió lo que se propuso?", one answer per commitment; PUT replaces earlier answers. */
export const saveActionPlanFollowUp = (enrolmentId: string, status: FollowUpStatus[]) =>
  apiCall(() => api.PUT('/api/enrolments/{enrolmentId}/action-plan/follow-up', { params: { path: { enrolmentId } }, body: { status } }));
