import type { ErrorCode } from '../common/error-codes.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const common = new Set(COMMON_PASSWORDS);

/**
 * Leading and trailing spaces are dropped wherever a password is set or checked (every request DTO, the CLI), the
 * same way on every path: a stray space from a phone keyboard never decides whether a password matches.
 */
export const normalisePassword = (password: string): string => password.trim();
export const trimPassword = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalisePassword(value) : value);

/**
 * NIST 800-63B style: length limits and a block-list, no composition rules. Returns the failed rule, if any.
 * Judged on the normalised password, so a password of spaces only is too short.
 */
export function checkPassword(raw: string, email?: string): { code: ErrorCode; message: string } | null {
  const password = normalisePassword(raw);
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { code: 'PASSWORD_TOO_SHORT', message: `password: use at least ${PASSWORD_MIN} characters.` };
  if (length > PASSWORD_MAX) return { code: 'PASSWORD_TOO_LONG', message: `password: use at most ${PASSWORD_MAX} characters.` };
  const lowered = password.toLowerCase();
  if (common.has(lowered)) return { code: 'PASSWORD_TOO_COMMON', message: 'password: this password is too common; choose another.' };
  if (email && lowered === email.toLowerCase()) return { code: 'PASSWORD_SAME_AS_EMAIL', message: 'password: do not use your e-mail as password.' };
  return null;
}
