import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import { Clock } from './clock.js';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const FIRST_CHECK_AFTER_MS = 60 * 1000;

/**
 * Runs a job at most once a day across every replica: each replica checks hourly; a transaction-scoped advisory lock
 * (one per job) lets one of them in at a time, and the job's `scheduled_jobs` row says whether it already ran in the
 * last day. The job runs inside that transaction and receives "now" from the injected clock, so a test can move time.
 */
@Injectable()
export class DailyJobs implements OnApplicationShutdown {
  private readonly logger = new Logger(DailyJobs.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly pool: DatabasePool,
    private readonly clock: Clock,
  ) {}

  /** Checks the job every hour from a minute after start (timers do not keep the process alive). */
  schedule(name: string, check: () => Promise<unknown>): void {
    const run = () => void check().catch((error: unknown) => this.logger.warn({ msg: `${name} skipped`, err: String(error) }));
    this.timers.push(setTimeout(run, FIRST_CHECK_AFTER_MS).unref(), setInterval(run, CHECK_EVERY_MS).unref());
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** Runs `work` when no replica ran job `name` in the last day; null when it was not due or another replica holds it. */
  async runIfDue<T extends object>(name: string, lockId: string, work: (m: SqlClient, now: Date) => Promise<T>): Promise<T | null> {
    return this.pool.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`, [lockId]);
      if (!locked) return null;
      const now = new Date(this.clock.now());
      const ran = await m.query(`SELECT 1 FROM scheduled_jobs WHERE name = $1 AND last_run_at > $2::timestamptz - interval '1 day'`, [name, now]);
      if (ran.length > 0) return null;
      const result = await work(m, now);
      await m.query(
        `INSERT INTO scheduled_jobs (name, last_run_at, last_result) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET last_run_at = $2, last_result = $3`,
        [name, now, JSON.stringify(result)],
      );
      this.logger.log({ msg: `${name} done`, ...result });
      return result;
    });
  }
}

/**
 * A daily job: a subclass names it, gives its advisory-lock id and does its work; scheduling, the once-a-day check
 * across replicas and the transaction are DailyJobs'. `runIfDue()` is public so tests (and a replica) can call it.
 */
@Injectable()
export abstract class DailyJob<T extends object> implements OnApplicationBootstrap {
  protected abstract readonly job: string;
  /** pg_advisory lock id (a bigint as text), unique to the job. */
  protected abstract readonly lockId: string;

  constructor(
    private readonly jobs: DailyJobs,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(this.job, () => this.runIfDue());
  }

  /** The job's result when it ran; null when it was not due or another replica holds it. */
  runIfDue(): Promise<T | null> {
    return this.jobs.runIfDue(this.job, this.lockId, (m, now) => this.work(m, now));
  }

  protected abstract work(m: SqlClient, now: Date): Promise<T>;
}

/** Rows a data-changing statement touched: wraps it as `WITH done AS (<statement> RETURNING 1) SELECT count(*)`. */
export async function countOf(m: SqlClient, statement: string, params: unknown[]): Promise<number> {
  const [row] = await m.query(`WITH done AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM done`, params);
  return row.n;
}
