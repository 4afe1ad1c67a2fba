import type { ErrorCode } from './error-codes.js';

export interface MappedError {
  statusCode: number;
  code: ErrorCode;
  message: string;
}

/**
 * The one place PostgreSQL errors become answers, whatever raised them (TypeORM's QueryFailedError, or pg's own
 * error from the raw pool): a uniqueness race is a conflict, bad data (class 22: a NUL byte in text, a number out of
 * range, malformed input) is the client's 400, the server going away is a 503. Anything else stays a 500.
 */
export function mapDatabaseError(error: unknown): MappedError | null {
  const err = error as { code?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return null;
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : '';
  if (isConnectionLoss(code, message)) {
    return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; please try again shortly.' };
  }
  if (!SQLSTATE.test(code)) return null;
  if (code === '23505') return { statusCode: 409, code: 'CONFLICT', message: 'This was already recorded.' };
  if (code.startsWith('22')) {
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'A value in the request cannot be stored (wrong format, out of range, or a forbidden character such as NUL).' };
  }
  return null;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function isConnectionLoss(code: string, message: string): boolean {
  // Server going away (57P01–57P03: admin/crash shutdown, cannot connect now; class 08: connection exceptions).
  if (['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08')) return true;
  // pg reports a client that lost its connection mid-transaction with this message and no code.
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable/i.test(message);
}
