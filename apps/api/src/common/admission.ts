/**
 * At most `limit` tasks running at once; the others wait in arrival order, before they start (and before they hold
 * anything: a request waiting here has only its parsed body). Unlike a pool's queue, which a task joins halfway
 * through its work with what it has built so far.
 */
export class Admission {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((admit) => this.waiting.push(admit));
    else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line (running stays the same), or frees up.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
