import { ApiError } from './api/api-client';
import { apiCall } from './api/call';

/** Hands a file to the browser as a download (the object URL lives long enough for the download to start). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Downloads a file from the API: the access token lives in memory, so a plain link would not authenticate; the file
 * is fetched through the API client (`request` asks with `parseAs: 'blob'`) and saved as `name.chosen`, else under
 * the name the server gives (Content-Disposition), else `name.fallback`. Returns the name used.
 */
export async function downloadFromApi(
  request: () => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  name: { chosen: string } | { fallback: string },
): Promise<string> {
  let fileName = 'chosen' in name ? name.chosen : name.fallback;
  const blob = await apiCall(async () => {
    const result = await request();
    const named = /filename="([^"]+)"/.exec(result.response.headers.get('content-disposition') ?? '');
    if (named && !('chosen' in name)) fileName = named[1]!;
    return result;
  });
  if (!(blob instanceof Blob)) throw new ApiError('INTERNAL_ERROR', 'no file received', 0);
  saveFile(blob, fileName);
  return fileName;
}
