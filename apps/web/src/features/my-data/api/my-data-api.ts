import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';
import { downloadFromApi, saveFile } from '../../../lib/save-file';

export type MyData = ApiSchemas['MyDataDto'];
export type DeletionStatus = ApiSchemas['DeletionRequestStatusDto'];

export const getMyData = () => apiCall(() => api.GET('/api/me/data'));

/** JSON (what the page shows, in full) or CSV (record, field, value: opens in a spreadsheet). */
export async function downloadMyData(format: 'json' | 'csv'): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  if (format === 'json') {
    const data = await getMyData();
    saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `respeta-mis-datos-${day}.json`);
    return;
  }
  await downloadFromApi(() => api.GET('/api/me/data.csv', { parseAs: 'blob' }), { chosen: `respeta-mis-datos-${day}.csv` });
}

export const requestDeletion = (certificateChoice: 'keep' | 'revoke') => apiCall(() => api.POST('/api/me/deletion-request', { body: { certificateChoice } }));
export const cancelDeletion = () => apiCall(() => api.POST('/api/me/deletion-request/cancel'));
