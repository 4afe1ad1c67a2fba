import { connection } from '../offline/connection';
import { FROM_CACHE_HEADER } from '../offline/offline-names';
import { ApiError, unwrap, withSession } from './api-client';

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Runs an authenticated API call (refreshing the session once on 401) and returns its data or a typed ApiError. */
export async function apiCall<T>(run: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await withSession(run);
  } catch (error) {
    // fetch itself failed: offline, DNS, connection reset. The request may or may not have reached the server.
    connection.failed();
    throw new ApiError('NETWORK_ERROR', String(error), 0);
  }
  noteAnswer(result.response);
  return unwrap(result);
}

/** Same as apiCall for public routes (no token, no refresh). */
export async function publicCall<T>(run: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await run();
  } catch (error) {
    connection.failed();
    throw new ApiError('NETWORK_ERROR', String(error), 0);
  }
  noteAnswer(result.response);
  return unwrap(result);
}

/** A stored copy from the service worker means the server was not reached; anything else means it was. */
function noteAnswer(response: Response): void {
  if (response.headers?.get(FROM_CACHE_HEADER)) connection.failed();
  else connection.reached();
}
