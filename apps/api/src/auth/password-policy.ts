import type { ErrorCode } from '../common/error-codes.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const common = new Set(COMMON_PASSWORDS);

/** NIST 800-63B style: length limits and a block-list, no composition rules. Returns the failed rule, if any. */
export function checkPassword(password: string, email?: string): { code: ErrorCode; message: string } | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { code: 'PASSWORD_TOO_SHORT', message: `password: use at least ${PASSWORD_MIN} characters.` };
  if (length > PASSWORD_MAX) return { code: 'PASSWORD_TOO_LONG', message: `password: use at most ${PASSWORD_MAX} characters.` };
  const lowered = password.toLowerCase();
  if (common.has(lowered)) return { code: 'PASSWORD_TOO_COMMON', message: 'password: this password is too common; choose another.' };
  if (email && lowered === email.toLowerCase()) return { code: 'PASSWORD_SAME_AS_EMAIL', message: 'password: do not use your e-mail as password.' };
  return null;
}
