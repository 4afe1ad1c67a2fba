import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';

/** One counter: at most `max` attempts per `windowSeconds`; reaching `max` locks the key for `lockSeconds`. */
export interface RateRule {
  key: string;
  max: number;
  windowSeconds: number;
  lockSeconds: number;
  /**
   * What follows an expired lock. `reset` (default): a fresh count. `one-at-a-time`: a back-off — one attempt,
   * which locks again for `lockSeconds`, until the window itself has passed.
   */
  afterLock?: 'reset' | 'one-at-a-time';
}

/**
 * Attempt counters in PostgreSQL (table `login_throttle`), so every API replica shares them. An attempt is counted
 * by one atomic upsert *before* the work it guards (a password hash, a lookup) is done: concurrent attempts each
 * take a numbered slot, and only the first `max` in a window get through — however many arrive at once.
 */
@Injectable()
export class RateLimiter {
  // Straight on the pg pool, as a prepared statement: this runs before every password check and registration, and
  // must stay cheap when a flood of them arrives.
  constructor(private readonly pool: DatabasePool) {}

  /**
   * Takes a slot on every rule in order; false as soon as one is exhausted (later rules are then left untouched,
   * so e.g. a locked IP does not use up the per-account allowance). Each upsert commits on its own: no deadlocks.
   */
  async take(rules: RateRule[]): Promise<boolean> {
    for (const rule of rules) {
      const [row] = await this.pool.rows<{ count: number }>(TAKE, [rule.key, rule.max, rule.windowSeconds, rule.lockSeconds, rule.afterLock === 'one-at-a-time'], 'rate_limit_take');
      if (row.count > rule.max) return false;
    }
    return true;
  }

  /** Gives back one slot per rule (the attempt turned out legitimate); ends a lock the slot itself caused. */
  async giveBack(rules: Pick<RateRule, 'key' | 'max'>[]): Promise<void> {
    for (const rule of rules) {
      await this.pool.rows(
        `UPDATE login_throttle SET failures = greatest(failures - 1, 0),
                locked_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE locked_until END
          WHERE key = $1`,
        [rule.key, rule.max],
      );
    }
  }

  async forget(keys: string[]): Promise<void> {
    await this.pool.rows(`DELETE FROM login_throttle WHERE key = ANY($1)`, [keys]);
  }
}

// $1 key, $2 max, $3 window seconds, $4 lock seconds, $5 back-off after a lock (else a fresh count).
// `failures` becomes this attempt's number in the window; the caller proceeds only when it is ≤ max. A lock is
// never extended by attempts made while it holds (an outsider cannot keep it closed by hammering).
const TAKE = `
  INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
    VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $4) END)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE
      WHEN t.locked_until > now() THEN t.failures + 1
      WHEN t.window_started_at <= now() - make_interval(secs => $3) THEN 1
      WHEN t.locked_until IS NOT NULL THEN CASE WHEN $5 THEN $2 ELSE 1 END
      ELSE t.failures + 1 END,
    window_started_at = CASE
      WHEN t.locked_until > now() THEN t.window_started_at
      WHEN t.window_started_at <= now() - make_interval(secs => $3) THEN now()
      WHEN t.locked_until IS NOT NULL AND NOT $5 THEN now()
      ELSE t.window_started_at END,
    locked_until = CASE
      WHEN t.locked_until > now() THEN t.locked_until
      WHEN (CASE
              WHEN t.window_started_at <= now() - make_interval(secs => $3) THEN 1
              WHEN t.locked_until IS NOT NULL THEN CASE WHEN $5 THEN $2 ELSE 1 END
              ELSE t.failures + 1 END) >= $2 THEN now() + make_interval(secs => $4)
      ELSE NULL END
  RETURNING failures AS count`;
