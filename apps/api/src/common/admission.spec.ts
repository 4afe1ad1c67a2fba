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
});
