import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import type { Language } from '../../../lib/i18n';
import { queuedPost } from '../../../lib/offline/queued-post';

export type ScenarioRun = ApiSchemas['ScenarioRunDto'];
export type ScenarioStep = ApiSchemas['ScenarioStepDto'];
/** The choices of the current decision (none at an ending). */
export const choicesOf = (run: ScenarioRun) => run.current.choices ?? [];

export const getScenarioRun = (enrolmentId: string, scenarioKey: string, lang: Language) =>
  apiCall(() => api.GET('/api/enrolments/{enrolmentId}/scenarios/{scenarioKey}/run', { params: { path: { enrolmentId, scenarioKey }, query: { lang } } }));

export type ScenarioChoiceResult = ApiSchemas['ScenarioChoiceResultDto'];
/** The queue's name for one decision of one play-through. */
export const choiceTarget = (scenarioKey: string, nodeKey: string) => `scenario-${scenarioKey}-${nodeKey}`;

/** Through the answer queue: the consequence comes from the server, so a decision made offline waits for it. */
export const chooseInScenario = (enrolmentId: string, scenarioKey: string, nodeKey: string, choiceKey: string, idempotencyKey: string, lang: Language, label?: string) =>
  queuedPost({ enrolmentId, target: choiceTarget(scenarioKey, nodeKey), label }, '/api/enrolments/{enrolmentId}/scenarios/{scenarioKey}/choices', {
    params: { path: { enrolmentId, scenarioKey }, query: { lang } },
    body: { idempotencyKey, nodeKey, choiceKey },
  });
