import { Admission } from './admission';

const tick = () => new Promise((r) => setImmediate(r));

describe('Admission', () => {
  it('runs at most its limit at once, the rest in arrival order, and frees a slot when a task throws', async () => {
    const admission = new Admission(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const task = (i: number, fail = false) => admission.run(async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await new Promise<void>((r) => releases.push(r));
      running--;
      if (fail) throw new Error(`task ${i}`);
      return i;
    });
    const results = [task(0, true), task(1), task(2), task(3)].map((p) => p.catch((e: Error) => e.message));
    await tick();
    expect(started).toEqual([0, 1]);
    releases.shift()!();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    while (releases.length) {
      releases.shift()!();
      await tick();
    }
    expect(await Promise.all(results)).toEqual(['task 0', 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
    // Every slot came back: two more run at once.
    const again = [task(4), task(5)];
    await tick();
    expect(started.slice(4)).toEqual([4, 5]);
    releases.forEach((r) => r());
    expect(await Promise.all(again)).toEqual([4, 5]);
  });

  it('refuses a task that waited longer than maxWaitMs, without ever starting it, and keeps the others in order', async () => {
    jest.useFakeTimers();
    try {
      const admission = new Admission(1, { maxWaitMs: 1000, busy: () => new Error('busy') });
      const started: string[] = [];
      let release!: () => void;
      const first = admission.run(async () => {
        started.push('first');
        await new Promise<void>((r) => (release = r));
      });
      const late = admission.run(async () => started.push('late')).catch((e: Error) => e.message);
      await jest.advanceTimersByTimeAsync(600);
      const next = admission.run(async () => started.push('next'));
      await jest.advanceTimersByTimeAsync(500); // `late` has waited 1,100 ms, `next` 500 ms
      expect(await late).toBe('busy');
      release();
      await first;
      await next;
      expect(started).toEqual(['first', 'next']);
      // The refused task gave no slot back and took none: one runs at a time, as before.
      let running = 0;
      let most = 0;
      await Promise.all([0, 1, 2].map(() => admission.run(async () => {
        most = Math.max(most, ++running);
        await Promise.resolve();
        running--;
      })));
      expect(most).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a task at once when its lane already holds queueMax waiting tasks', async () => {
    const admission = new Admission(1, { queueMax: 1, busy: () => new Error('busy') });
    let release!: () => void;
    const first = admission.run(() => new Promise<void>((r) => (release = r)));
    const second = admission.run(async () => 'second');
    await expect(admission.run(async () => 'third')).rejects.toThrow('busy');
    release();
    await first;
    expect(await second).toBe('second');
  });
});
