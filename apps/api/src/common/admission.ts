/**
 * At most `limit` tasks running at once; the others wait before they start (and before they hold anything: a request
 * waiting here has only its parsed body), unlike a pool's queue, which a task joins halfway through its work. Waiting
 * tasks start lane by lane in the order the lanes are given (the first lane always first), each lane in arrival
 * order; a finishing task hands its slot straight to the next, so no newcomer jumps the queue. A lane holding
 * `queueMax` waiting tasks refuses more with `whenFull()`.
 */
export class Admission<Lane extends string = 'default'> {
  private running = 0;
  private readonly waiting = new Map<Lane, (() => void)[]>();

  constructor(
    readonly limit: number,
    lanes: readonly Lane[] = ['default' as Lane],
    private readonly queueMax = Infinity,
    private readonly whenFull: () => Error = () => new Error('admission queue full'),
  ) {
    for (const lane of lanes) this.waiting.set(lane, []);
  }

  async run<T>(task: () => Promise<T>, lane: Lane = this.waiting.keys().next().value!): Promise<T> {
    if (this.running >= this.limit) {
      const queue = this.waiting.get(lane)!;
      if (queue.length >= this.queueMax) throw this.whenFull();
      await new Promise<void>((admit) => queue.push(admit));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      this.admitNext();
    }
  }

  /** The slot passes to the first task waiting (running stays the same), or frees up. */
  private admitNext(): void {
    for (const queue of this.waiting.values()) {
      const next = queue.shift();
      if (next) return next();
    }
    this.running--;
  }
}
