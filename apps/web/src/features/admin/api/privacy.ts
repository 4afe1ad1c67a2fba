import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import { downloadFromApi } from '../../../lib/save-file';

export type PendingDeletion = ApiSchemas['PendingDeletionRequestDto'];
export type AuditEntry = ApiSchemas['AuditEntryDto'];

export const listDeletionRequests = () => apiCall(() => api.GET('/api/privacy/deletion-requests'));
export const confirmDeletion = (requestId: string) => apiCall(() => api.POST('/api/privacy/deletion-requests/{requestId}/confirm', { params: { path: { requestId } } }));
export const rejectDeletion = (requestId: string) => apiCall(() => api.POST('/api/privacy/deletion-requests/{requestId}/reject', { params: { path: { requestId } } }));

type Query = { actor?: string; subject?: string; action?: AuditEntry['action']; from?: string; to?: string; before?: number; limit?: number };
export const auditPage = (query: Query) => apiCall(() => api.GET('/api/audit', { params: { query } }));
export const auditIntegrity = () => apiCall(() => api.GET('/api/audit/integrity'));

export async function downloadAudit(query: Query): Promise<void> {
  await downloadFromApi(() => api.GET('/api/audit/export.csv', { params: { query }, parseAs: 'blob' }), { chosen: `respeta-auditoria-${new Date().toISOString().slice(0, 10)}.csv` });
}
