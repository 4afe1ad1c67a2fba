import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import type { AuditAction } from './audit-actions.js';

export type AuditDetail = string | number | boolean | null | string[];

export interface AuditEvent {
  /** Who did it; null for the system itself (e.g. the retention job). */
  actor: Pick<AuthUser, 'id' | 'role'> | null;
  action: AuditAction;
  /** The person the entry is about (a learner whose data was read or changed, an account). */
  subjectId?: string | null;
  /** Cohorts read or changed (a roster, a report, an export). */
  cohortIds?: string[];
  /** The thing changed, when it is not a person or a cohort (an invite code, a course version, a request). */
  targetId?: string | null;
  /** Ids, counts and field names only: never names, e-mails or answers (entries outlive the people they mention). */
  details?: Record<string, AuditDetail>;
}

/** Anything that runs a statement: a transaction's client or manager, so an entry commits with the change it records. */
export interface Statements {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/**
 * The one way to write the audit log. Callers record a read after its access check and before answering, and a
 * change inside the change's transaction (pass its client): if the entry cannot be written, the request fails.
 * The database assigns the sequence number, time and hash chain (see the AuditLog migration).
 */
@Injectable()
export class AuditLog {
  constructor(private readonly pool: DatabasePool) {}

  async record(event: AuditEvent, m?: Statements | SqlClient): Promise<void> {
    const params = [
      event.actor?.id ?? null, event.actor?.role ?? 'system', event.action, event.subjectId ?? null,
      event.cohortIds ?? [], event.targetId ?? null, JSON.stringify(event.details ?? {}),
    ];
    const sql = `INSERT INTO audit_log (actor_id, actor_role, action, subject_id, cohort_ids, target_id, details)
                 VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7::jsonb)`;
    if (m) await m.query(sql, params);
    else await this.pool.rows(sql, params, 'audit_insert');
  }
}
