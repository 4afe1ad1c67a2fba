import { createHash } from 'node:crypto';
import { drawOf, newSeed, randomArms } from './study-assignment';

const ids = ['0b7c1c7e-1d2a-4a7e-9a56-2f1f1b0e0001', '0b7c1c7e-1d2a-4a7e-9a56-2f1f1b0e0002', '0b7c1c7e-1d2a-4a7e-9a56-2f1f1b0e0003', '0b7c1c7e-1d2a-4a7e-9a56-2f1f1b0e0004', '0b7c1c7e-1d2a-4a7e-9a56-2f1f1b0e0005'];

describe('random assignment of cohorts to arms', () => {
  it('is SHA-256 of seed + cohort id, sorted, the first half (rounded up) treated', () => {
    const seed = '00112233445566778899aabbccddeeff';
    const arms = randomArms(seed, ids);
    const expected = ids
      .map((id) => ({ id, h: createHash('sha256').update(seed + id).digest('hex') }))
      .sort((a, b) => a.h.localeCompare(b.h));
    expect(arms.map((a) => a.cohortId)).toEqual(expected.map((e) => e.id));
    expect(arms.map((a) => a.arm)).toEqual(['treated', 'treated', 'treated', 'waitlist', 'waitlist']);
    expect(arms[0]!.draw).toBe(drawOf(seed, arms[0]!.cohortId));
  });

  it('does not depend on the order the cohorts are given in, and changes with the seed', () => {
    const seed = newSeed();
    expect(seed).toMatch(/^[0-9a-f]{32}$/);
    const a = randomArms(seed, ids);
    const b = randomArms(seed, [...ids].reverse());
    expect(b).toEqual(a);
    const seeds = Array.from({ length: 20 }, () => newSeed());
    const orders = new Set(seeds.map((s) => randomArms(s, ids).map((x) => x.cohortId).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});
