import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPassword, loadCommonPasswords } from './password-policy.js';

describe('password policy: the common-password list', () => {
  it('refuses a known common password, whatever its case or surrounding spaces', () => {
    for (const password of ['password123', 'contraseña', '  Qwerty123 ', 'PERU12345']) {
      expect(checkPassword(password)?.code).toBe('PASSWORD_TOO_COMMON');
    }
  });

  it('accepts an uncommon password of the right length', () => {
    expect(checkPassword('azul-cometa-lluvia-7')).toBeNull();
  });

  it('loads the whole list from its text file, one password per line', () => {
    const list = loadCommonPasswords();
    expect(list.size).toBe(9936);
    expect(list.has('baseball')).toBe(true);
    expect(list.has('')).toBe(false);
  });

  it('refuses to start with a missing or truncated list rather than letting every password through', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passwords-'));
    expect(() => loadCommonPasswords(join(dir, 'absent.txt'))).toThrow(/Cannot read the common-password list/);
    writeFileSync(join(dir, 'short.txt'), 'password\n12345678\n');
    expect(() => loadCommonPasswords(join(dir, 'short.txt'))).toThrow(/only 2 entries/);
  });
});
