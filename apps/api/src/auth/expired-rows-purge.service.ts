import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export interface PurgeResult {
  throttleRows: number;
  sessions: number;
  refreshTokens: number;
}

const JOB = 'purge-expired-auth-rows';
/** pg_advisory lock id of this job (any constant unique to it): "RSPPURGE" in ASCII, as a 64-bit number. */
export const PURGE_LOCK_ID = '5931597437311665989';
const CHECK_EVERY_MS = 60 * 60 * 1000;
const FIRST_CHECK_AFTER_MS = 60 * 1000;

/**
 * Once a day, deletes what no longer protects anything: throttle counters whose window has long passed, sessions
 * revoked over a day ago or with no live refresh token, and expired refresh tokens. Every replica checks hourly;
 * a transaction-scoped advisory lock plus the `scheduled_jobs` row make exactly one of them run it per day.
 */
@Injectable()
export class ExpiredRowsPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiredRowsPurge.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const check = () => void this.runIfDue().catch((error: unknown) => this.logger.warn({ msg: 'purge skipped', err: String(error) }));
    this.timers = [setTimeout(check, FIRST_CHECK_AFTER_MS).unref(), setInterval(check, CHECK_EVERY_MS).unref()];
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** Runs the purge when no replica has run it in the last day; null when it was not due or another replica holds it. */
  async runIfDue(): Promise<PurgeResult | null> {
    return this.db.transaction(async (m) => {
      const [{ locked }]: { locked: boolean }[] = await m.query(`SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`, [PURGE_LOCK_ID]);
      if (!locked) return null;
      const due: unknown[] = await m.query(`SELECT 1 FROM scheduled_jobs WHERE name = $1 AND last_run_at > now() - interval '1 day'`, [JOB]);
      if (due.length > 0) return null;
      // Counters are kept for at least a day, and never while their window or lock still applies.
      const keepSeconds = Math.max(86_400, this.config.login.windowSeconds, this.config.registration.windowSeconds, this.config.verification.windowSeconds);
      const [, throttleRows]: [unknown, number] = await m.query(
        `DELETE FROM login_throttle WHERE window_started_at < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())`,
        [keepSeconds],
      );
      // A session with no unexpired refresh token can mint nothing, and its last access token expired long ago.
      const [, sessions]: [unknown, number] = await m.query(
        `DELETE FROM auth_sessions s
          WHERE s.revoked_at < now() - interval '1 day'
             OR (s.created_at < now() - interval '1 day'
                 AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.id AND t.expires_at > now()))`,
      );
      const [, refreshTokens]: [unknown, number] = await m.query(`DELETE FROM refresh_tokens WHERE expires_at < now()`);
      const result: PurgeResult = { throttleRows, sessions, refreshTokens };
      await m.query(
        `INSERT INTO scheduled_jobs (name, last_run_at, last_result) VALUES ($1, now(), $2)
         ON CONFLICT (name) DO UPDATE SET last_run_at = now(), last_result = $2`,
        [JOB, JSON.stringify(result)],
      );
      this.logger.log({ msg: 'expired auth rows purged', ...result });
      return result;
    });
  }
}
