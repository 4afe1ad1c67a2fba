import { api } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

/** The learner's consent choice, changed after the fact: true = course with evaluation, false = course only. */
export const changeEvaluationUse = (enrolmentId: string, evaluationUse: boolean, idempotencyKey: string) =>
  apiCall(() => api.PUT('/api/enrolments/{enrolmentId}/evaluation-use', { params: { path: { enrolmentId } }, body: { idempotencyKey, evaluationUse } }));
