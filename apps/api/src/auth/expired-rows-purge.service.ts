import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { countOf, DailyJobs } from '../common/daily-jobs.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export interface PurgeResult {
  throttleRows: number;
  sessions: number;
  refreshTokens: number;
}

const JOB = 'purge-expired-auth-rows';
/** pg_advisory lock id of this job (any constant unique to it): "RSPPURGE" in ASCII, as a 64-bit number. */
export const PURGE_LOCK_ID = '5931597437311665989';

/**
 * Once a day (DailyJobs: one replica, once), deletes what no longer protects anything: throttle counters whose window
 * has long passed, sessions revoked over RETENTION_AUTH_ROWS_DAYS ago or with no live refresh token, and expired
 * refresh tokens.
 */
@Injectable()
export class ExpiredRowsPurge implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: DailyJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule(JOB, () => this.runIfDue());
  }

  /** Runs the purge when no replica has run it in the last day; null when it was not due or another replica holds it. */
  async runIfDue(): Promise<PurgeResult | null> {
    return this.jobs.runIfDue(JOB, PURGE_LOCK_ID, async (m, now) => {
      const keepDays = this.config.retention.authRowsDays;
      // Counters are kept for at least that long, and never while their window or lock still applies.
      const keepSeconds = Math.max(keepDays * 86_400, this.config.login.windowSeconds, this.config.registration.windowSeconds, this.config.verification.windowSeconds);
      const throttleRows = await countOf(m,
        `DELETE FROM login_throttle WHERE window_started_at < $1::timestamptz - make_interval(secs => $2) AND (locked_until IS NULL OR locked_until < $1)`,
        [now, keepSeconds],
      );
      // A session with no unexpired refresh token can mint nothing, and its last access token expired long ago.
      const sessions = await countOf(m,
        `DELETE FROM auth_sessions s
          WHERE s.revoked_at < $1::timestamptz - make_interval(days => $2)
             OR (s.created_at < $1::timestamptz - make_interval(days => $2)
                 AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.id AND t.expires_at > $1))`,
        [now, keepDays],
      );
      const refreshTokens = await countOf(m, `DELETE FROM refresh_tokens WHERE expires_at < $1`, [now]);
      return { throttleRows, sessions, refreshTokens };
    });
  }
}
