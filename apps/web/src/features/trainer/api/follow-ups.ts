import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type FollowUpSchedule = ApiSchemas['FollowUpScheduleDto'];

export const getFollowUps = (cohortId: string) =>
  apiCall(() => api.GET('/api/cohorts/{cohortId}/follow-ups', { params: { path: { cohortId } } }));

/**
 * The due list as CSV (names and personal links, to send by WhatsApp): fetched with the in-memory token like the
 * export bundle, then saved through an object URL.
 */
export async function downloadDueList(cohortId: string): Promise<void> {
  const blob = await apiCall(() => api.GET('/api/cohorts/{cohortId}/follow-ups/due.csv', { params: { path: { cohortId } }, parseAs: 'blob' }));
  const url = URL.createObjectURL(blob as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'respeta-seguimiento.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
