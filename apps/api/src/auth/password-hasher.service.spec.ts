import type { AppConfig } from '../config/app-config.js';
import { PasswordHasher } from './password-hasher.service.js';

jest.setTimeout(60_000);

describe('PasswordHasher', () => {
  const hasherWith = (concurrency: number, queueMax: number) => new PasswordHasher({ hashing: { concurrency, queueMax } } as AppConfig);

  it('serves a sign-in (verify) ahead of every queued hash', async () => {
    const hasher = hasherWith(1, 100);
    const stored = await hasher.hash('una clave larga');
    const order: string[] = [];
    const hashes = Array.from({ length: 8 }, (_, i) => hasher.hash(`registro ${i}`).then(() => order.push(`hash${i}`)));
    const signIn = hasher.verify(stored, 'una clave larga').then((ok) => order.push(`verify:${ok}`));
    await Promise.all([...hashes, signIn]);
    // hash0 was already running when the sign-in arrived; the sign-in goes next, before the 7 waiting hashes.
    expect(order.indexOf('verify:true')).toBeLessThanOrEqual(1);
    expect(hasher.started).toEqual({ verify: 1, hash: 9 });
  });

  it('refuses with 503 beyond the queue limit, per kind, so hashes cannot crowd out sign-ins', async () => {
    const hasher = hasherWith(1, 2);
    const stored = await hasher.hash('una clave larga');
    const hashes = Array.from({ length: 4 }, (_, i) => hasher.hash(`registro ${i}`).then(() => 'ok', (e) => e.getStatus?.()));
    const signIns = Array.from({ length: 2 }, () => hasher.verify(stored, 'una clave larga'));
    expect(await Promise.all(hashes)).toEqual(['ok', 'ok', 'ok', 503]);
    expect(await Promise.all(signIns)).toEqual([true, true]);
  });
});
