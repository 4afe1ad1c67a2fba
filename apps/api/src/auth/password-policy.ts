import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ErrorCode } from '../common/error-codes.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * The most common passwords of 8+ characters (top of a public 10-million-password frequency list, lower-cased), plus
 * a few Spanish-language ones, one per line: data, not code. Read once when the server (or CLI) starts, from the
 * repository root like the content and the built web app (`npm start`, `npm test` and the CLIs run from there), so
 * the compiled app in dist/ reads the same file as the sources.
 */
export const COMMON_PASSWORDS_FILE = 'apps/api/src/auth/common-passwords.txt';

export function loadCommonPasswords(file = resolve(COMMON_PASSWORDS_FILE)): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the common-password list at ${file} (start the server from the repository root): ${(error as Error).message}`);
  }
  const list = text.split(/\r?\n/).filter((line) => line !== '');
  // An empty or truncated file would silently let every password through: refuse to start instead.
  if (list.length < 1000) throw new Error(`The common-password list at ${file} holds only ${list.length} entries; restore it from the repository.`);
  return new Set(list);
}

const common = loadCommonPasswords();

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
