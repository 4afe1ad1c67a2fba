import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type ApiSchemas = components['schemas'];
export type ErrorCode = ApiSchemas['ErrorCode'];
export type User = ApiSchemas['UserDto'];

/** The access token lives only in memory; the refresh token is an httpOnly cookie the script never sees. */
let accessToken: string | null = null;
let onSessionLost: () => void = () => {};
let refreshing: Promise<boolean> | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

const authHeader: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(authHeader);

/** One refresh at a time, shared by every request that found its token expired. */
export function refreshSession(): Promise<boolean> {
  const rotate = async () => {
    const { data } = await api.POST('/api/auth/refresh');
    setAccessToken(data?.accessToken ?? null);
    return Boolean(data);
  };
  // Tabs share the refresh cookie. The server treats a second use of a rotated token as theft and ends the session,
  // so tabs take turns (Web Locks): the next tab then sends the cookie the previous one just received.
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  refreshing ??= (locks ? locks.request('respeta-refresh', rotate) : rotate()).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Runs an API call; on 401 refreshes the session once and retries, else reports the session as lost. */
export async function withSession<T extends { response: Response }>(call: () => Promise<T>): Promise<T> {
  const first = await call();
  if (first.response.status !== 401) return first;
  if (await refreshSession()) return call();
  onSessionLost();
  return first;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK_ERROR' | 'REGISTERED_SIGN_IN_FAILED' | 'SAVED_ON_PHONE',
    message: string,
    readonly status: number,
    /** The server's `details` (e.g. `{ problems }`, or the colleague's version in a conflict), when it sent any. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Turns an openapi-fetch result into data or a typed ApiError carrying the server's stable code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  if (result.response.ok) return undefined as T;
  const error = result.error as Partial<ApiSchemas['ErrorResponseDto']> | undefined;
  throw new ApiError(error?.code ?? 'INTERNAL_ERROR', error?.message ?? result.response.statusText, result.response.status, error?.details);
}
