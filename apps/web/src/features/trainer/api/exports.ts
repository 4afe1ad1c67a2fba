import { api } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export const EXPORTS = ['scores', 'responses', 'codebook', 'xlsx'] as const;
export type ExportKind = (typeof EXPORTS)[number];

const fileName = (kind: ExportKind) => (kind === 'xlsx' ? 'respeta-export.xlsx' : `respeta-${kind}.csv`);

/**
 * Downloads a pseudonymous export. The access token lives in memory, so a plain link would not authenticate: the
 * file is fetched with the token (through the API client), turned into an object URL and clicked.
 */
export async function downloadExport(cohortId: string, kind: ExportKind, lang: 'es' | 'en'): Promise<void> {
  const params = { path: { cohortId }, query: { lang } };
  const blob = await apiCall(() =>
    kind === 'xlsx'
      ? api.GET('/api/cohorts/{cohortId}/exports/export.xlsx', { params, parseAs: 'blob' })
      : api.GET('/api/cohorts/{cohortId}/exports/{table}.csv', { params: { ...params, path: { cohortId, table: kind } }, parseAs: 'blob' }),
  );
  const url = URL.createObjectURL(blob as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(kind);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
