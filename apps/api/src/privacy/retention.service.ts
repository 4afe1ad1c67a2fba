import { Injectable } from '@nestjs/common';
import { countOf, DailyJob } from '../common/daily-jobs.service.js';
import type { SqlClient } from '../database/database-pool.js';

export interface RetentionResult {
  auditEntries: number;
  deletionRequests: number;
  revokedCertificates: number;
  unconsentedEnrolments: number;
  previousLegalNames: number;
}

/** pg_advisory lock id of this job (unique to it; see ExpiredRowsPurge's for the auth rows). */
export const RETENTION_LOCK_ID = '5931597437311665990';

/**
 * The retention schedule (README, "Retention"), applied once a day on one replica (DailyJobs):
 * audit entries past RETENTION_AUDIT_DAYS (never younger than a year: the database refuses); what is left of an erased
 * account — its decided deletion request and a revoked certificate's stub — past RETENTION_DELETED_ACCOUNT_DAYS;
 * enrolments that never got a consent and saw no activity for RETENTION_UNCONSENTED_DAYS; previous legal names in the
 * profile history past RETENTION_PROFILE_HISTORY_DAYS (the change record stays, without the old value).
 */
@Injectable()
export class RetentionJob extends DailyJob<RetentionResult> {
  protected readonly job = 'privacy-retention';
  protected readonly lockId = RETENTION_LOCK_ID;

  protected async work(m: SqlClient, now: Date): Promise<RetentionResult> {
    const days = this.config.retention;
    const before = (column: string, n: number) => `${column} < $1::timestamptz - make_interval(days => ${Number(n)})`;
    const auditEntries = await countOf(m, `DELETE FROM audit_log WHERE ${before('at', days.auditDays)} AND at < now() - interval '365 days'`, [now]);
    const deletionRequests = await countOf(m, `DELETE FROM deletion_requests WHERE status <> 'pending' AND ${before('decided_at', days.deletedAccountDays)}`, [now]);
    const revokedCertificates = await countOf(m, `DELETE FROM certificates WHERE enrolment_id IS NULL AND ${before('revoked_at', days.deletedAccountDays)}`, [now]);
    const unconsentedEnrolments = await countOf(m,
      // Activity never precedes the enrolment, so the bound on created_at only lets the partial index find the rows.
      `DELETE FROM enrolments WHERE evaluation_use IS NULL AND consent_withdrawn_at IS NULL
         AND ${before('coalesce(last_activity_at, created_at)', days.unconsentedDays)} AND ${before('created_at', days.unconsentedDays)}`,
      [now],
    );
    const previousLegalNames = await countOf(m, `UPDATE profile_changes SET old_value = NULL WHERE old_value IS NOT NULL AND ${before('changed_at', days.profileHistoryDays)}`, [now]);
    return { auditEntries, deletionRequests, revokedCertificates, unconsentedEnrolments, previousLegalNames };
  }
}
