import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';

export type ScenarioRun = ApiSchemas['ScenarioRunDto'];
export type ScenarioStep = ApiSchemas['ScenarioStepDto'];
/** The choices of the current decision (none at an ending). */
export const choicesOf = (run: ScenarioRun) => run.current.choices ?? [];

export const getScenarioRun = (enrolmentId: string, scenarioKey: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/scenarios/{scenarioKey}/run', { params: { path: { enrolmentId, scenarioKey }, query: { lang } } }));
