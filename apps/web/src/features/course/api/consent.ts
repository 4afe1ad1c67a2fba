import { api } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

/** evaluationUse: true = course with evaluation; false = course only (answers kept out of every statistic and export). */
export const giveConsent = (enrolmentId: string, evaluationUse: boolean, idempotencyKey: string) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/consent', { params: { path: { enrolmentId } }, body: { idempotencyKey, evaluationUse } }));

export const withdrawConsent = (enrolmentId: string, idempotencyKey: string) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/withdraw', { params: { path: { enrolmentId } }, body: { idempotencyKey } }));
