import { Injectable } from '@nestjs/common';
import { countOf, DailyJob } from '../common/daily-jobs.service.js';
import type { SqlClient } from '../database/database-pool.js';

export interface PurgeResult {
  throttleRows: number;
  sessions: number;
  refreshTokens: number;
}

/** pg_advisory lock id of this job (any constant unique to it): "RSPPURGE" in ASCII, as a 64-bit number. */
export const PURGE_LOCK_ID = '5931597437311665989';

/**
 * Once a day (DailyJobs: one replica, once), deletes what no longer protects anything: throttle counters whose window
 * has long passed, sessions revoked over RETENTION_AUTH_ROWS_DAYS ago or with no live refresh token, and expired
 * refresh tokens.
 */
@Injectable()
export class ExpiredRowsPurge extends DailyJob<PurgeResult> {
  protected readonly job = 'purge-expired-auth-rows';
  protected readonly lockId = PURGE_LOCK_ID;

  protected async work(m: SqlClient, now: Date): Promise<PurgeResult> {
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
  }
}
