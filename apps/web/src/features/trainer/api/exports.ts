import { api } from '../../../lib/api/api-client';
import { downloadFromApi } from '../../../lib/save-file';

/**
 * Downloads the cohort's export bundle (a ZIP: knowledge and attitude files under separate pseudonyms, codebook, README
 * and reproduce.R). The access token lives in memory, so a plain link would not authenticate: the file is fetched
 * with the token (lib/save-file). Returns the file name.
 */
export const downloadExportBundle = (cohortId: string, lang: 'es' | 'en'): Promise<string> =>
  downloadFromApi(() => api.GET('/api/cohorts/{cohortId}/exports/bundle.zip', { params: { path: { cohortId }, query: { lang } }, parseAs: 'blob' }), { fallback: 'respeta-export.zip' });
