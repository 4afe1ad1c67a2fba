import { api } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export const giveConsent = (enrolmentId: string, idempotencyKey: string) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/consent', { params: { path: { enrolmentId } }, body: { idempotencyKey } }));

export const withdrawConsent = (enrolmentId: string, idempotencyKey: string) =>
  apiCall(() => api.POST('/api/enrolments/{enrolmentId}/withdraw', { params: { path: { enrolmentId } }, body: { idempotencyKey } }));
