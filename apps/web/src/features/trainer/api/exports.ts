import { api } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

/**
 * Downloads the cohort's export bundle (a ZIP: knowledge and attitude files under separate pseudonyms, codebook, README
 * and reproduce.R). The access token lives in memory, so a plain link would not authenticate: the file is fetched
 * with the token (through the API client), turned into an object URL and clicked. Returns the file name.
 */
export async function downloadExportBundle(cohortId: string, lang: 'es' | 'en'): Promise<string> {
  let fileName = 'respeta-export.zip';
  const blob = await apiCall(async () => {
    const result = await api.GET('/api/cohorts/{cohortId}/exports/bundle.zip', { params: { path: { cohortId }, query: { lang } }, parseAs: 'blob' });
    const named = /filename="([^"]+)"/.exec(result.response.headers.get('content-disposition') ?? '');
    if (named) fileName = named[1]!;
    return result;
  });
  const url = URL.createObjectURL(blob as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return fileName;
}
