import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type InviteCode = ApiSchemas['InviteCodeDto'];
export interface InviteCodeInput {
  maxUses: number | null;
  /** ISO date-time */
  expiresAt: string | null;
}

const path = (cohortId: string) => ({ params: { path: { cohortId } } });
const codePath = (cohortId: string, codeId: string) => ({ params: { path: { cohortId, codeId } } });

export const listInviteCodes = (cohortId: string) => apiCall(() => api.GET('/api/cohorts/{cohortId}/invite-codes', path(cohortId)));
export const createInviteCode = (cohortId: string, input: InviteCodeInput) =>
  apiCall(() => api.POST('/api/cohorts/{cohortId}/invite-codes', { ...path(cohortId), body: input }));
export const revokeInviteCode = (cohortId: string, codeId: string) =>
  apiCall(() => api.POST('/api/cohorts/{cohortId}/invite-codes/{codeId}/revoke', codePath(cohortId, codeId)));
export const rotateInviteCode = (cohortId: string, codeId: string) =>
  apiCall(() => api.POST('/api/cohorts/{cohortId}/invite-codes/{codeId}/rotate', codePath(cohortId, codeId)));
