import { ApiError, unwrap, withSession } from './api-client';

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Runs an authenticated API call (refreshing the session once on 401) and returns its data or a typed ApiError. */
export async function apiCall<T>(run: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await withSession(run);
  } catch (error) {
    // fetch itself failed: offline, DNS, connection reset. The request may or may not have reached the server.
    throw new ApiError('NETWORK_ERROR', String(error), 0);
  }
  return unwrap(result);
}

/** Same as apiCall for public routes (no token, no refresh). */
export async function publicCall<T>(run: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await run();
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', String(error), 0);
  }
  return unwrap(result);
}
