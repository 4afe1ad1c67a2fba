export interface AdmissionOptions<Lane extends string> {
  /** Lanes in priority order: waiting tasks of the first lane always start first. */
  lanes?: readonly Lane[];
  /** A lane already holding this many waiting tasks refuses more with `busy()`. */
  queueMax?: number;
  /** A task that has waited this long without starting is refused with `busy()` (it never starts). */
  maxWaitMs?: number;
  busy?: () => Error;
}

interface Waiter {
  admit: () => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * At most `limit` tasks running at once; the others wait before they start (and before they hold anything: a request
 * waiting here has only its parsed body), unlike a pool's queue, which a task joins halfway through its work. Waiting
 * tasks start lane by lane in the order the lanes are given, each lane in arrival order; a finishing task hands its
 * slot straight to the next, so no newcomer jumps the queue. A full lane or a wait longer than `maxWaitMs` is
 * refused with `busy()`: under a burst beyond what the server can serve, a client hears so in bounded time and can
 * retry later, instead of waiting without end while the work it is waiting for piles up.
 */
export class Admission<Lane extends string = 'default'> {
  private running = 0;
  private readonly waiting = new Map<Lane, Waiter[]>();
  private readonly queueMax: number;
  private readonly maxWaitMs: number;
  private readonly busy: () => Error;

  constructor(readonly limit: number, options: AdmissionOptions<Lane> = {}) {
    for (const lane of options.lanes ?? ['default' as Lane]) this.waiting.set(lane, []);
    this.queueMax = options.queueMax ?? Infinity;
    this.maxWaitMs = options.maxWaitMs ?? Infinity;
    this.busy = options.busy ?? (() => new Error('busy: not admitted'));
  }

  async run<T>(task: () => Promise<T>, lane: Lane = this.waiting.keys().next().value!): Promise<T> {
    if (this.running >= this.limit) await this.wait(this.waiting.get(lane)!);
    else this.running++;
    try {
      return await task();
    } finally {
      this.admitNext();
    }
  }

  private wait(queue: Waiter[]): Promise<void> {
    if (queue.length >= this.queueMax) return Promise.reject(this.busy());
    return new Promise<void>((admit, refuse) => {
      const waiter: Waiter = { admit };
      if (Number.isFinite(this.maxWaitMs)) {
        waiter.timer = setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          refuse(this.busy());
        }, this.maxWaitMs);
      }
      queue.push(waiter);
    });
  }

  /** The slot passes to the first task waiting (running stays the same), or frees up. */
  private admitNext(): void {
    for (const queue of this.waiting.values()) {
      const next = queue.shift();
      if (next) {
        clearTimeout(next.timer);
        return next.admit();
      }
    }
    this.running--;
  }
}
