import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { AppException, notFound } from '../common/app-exception.js';
import { DatabasePool } from '../database/database-pool.js';
import { eraseAccount } from './account-erasure.js';
import type { DeletionOutcomeDto, PendingDeletionRequestDto } from './deletion.dto.js';
import type { DeletionRequestStatusDto } from './my-data.dto.js';

/**
 * The right of cancellation: a learner asks for their account to be erased, choosing what happens to their
 * certificates; an admin checks who it is and confirms (or rejects) in the admin area. Every step is in the audit log.
 */
@Injectable()
export class DeletionRequests {
  constructor(
    private readonly pool: DatabasePool,
    private readonly audit: AuditLog,
  ) {}

  async request(actor: AuthUser, certificateChoice: 'keep' | 'revoke'): Promise<DeletionRequestStatusDto> {
    return this.pool.transaction(async (m) => {
      const [pending] = await m.query(`SELECT 1 FROM deletion_requests WHERE user_id = $1 AND status = 'pending'`, [actor.id]);
      if (pending) throw pendingAlready();
      let row;
      try {
        [row] = await m.query(`INSERT INTO deletion_requests (user_id, certificate_choice) VALUES ($1, $2) RETURNING *`, [actor.id, certificateChoice]);
      } catch (error) {
        // Two requests at once: the unique index lets one in.
        if ((error as { code?: string }).code === '23505') throw pendingAlready();
        throw error;
      }
      await this.audit.record({ actor, action: 'deletion_request.create', subjectId: actor.id, targetId: row.id, details: { certificateChoice } }, m);
      return toStatus(row);
    });
  }

  async cancel(actor: AuthUser): Promise<DeletionRequestStatusDto> {
    return this.pool.transaction(async (m) => {
      const [row] = await m.query(
        `UPDATE deletion_requests SET status = 'cancelled', decided_at = now(), decided_by = $1 WHERE user_id = $1 AND status = 'pending' RETURNING *`,
        [actor.id],
      );
      if (!row) throw notFound('Pending deletion request');
      await this.audit.record({ actor, action: 'deletion_request.cancel', subjectId: actor.id, targetId: row.id }, m);
      return toStatus(row);
    });
  }

  /** Pending requests with the person's name and e-mail, so the admin knows whom they erase (a read, recorded). */
  async pending(actor: AuthUser): Promise<PendingDeletionRequestDto[]> {
    await this.audit.record({ actor, action: 'deletion_requests.list' });
    const rows = await this.pool.rows<Record<string, any>>(
      `SELECT r.id, r.user_id, u.display_name, u.email, r.requested_at, r.certificate_choice,
              count(e.id) FILTER (WHERE e.evaluation_use AND e.consent_withdrawn_at IS NULL)::int AS kept,
              count(e.id) FILTER (WHERE NOT (coalesce(e.evaluation_use, false) AND e.consent_withdrawn_at IS NULL))::int AS deleted,
              count(c.id)::int AS certificates
         FROM deletion_requests r JOIN users u ON u.id = r.user_id
         LEFT JOIN enrolments e ON e.user_id = r.user_id LEFT JOIN certificates c ON c.enrolment_id = e.id
        WHERE r.status = 'pending' GROUP BY r.id, u.id ORDER BY r.requested_at LIMIT 500`,
      [],
    );
    return rows.map((r) => ({
      id: r.id, userId: r.user_id, displayName: r.display_name, email: r.email, requestedAt: r.requested_at.toISOString(), certificateChoice: r.certificate_choice,
      enrolmentsKept: r.kept, enrolmentsDeleted: r.deleted, certificates: r.certificates,
    }));
  }

  /** Erases the account as requested, in one transaction with the request and its audit entry (ids only). */
  async confirm(actor: AuthUser, requestId: string): Promise<DeletionOutcomeDto> {
    return this.pool.transaction(async (m) => {
      const request = await this.lockPending(m, requestId);
      const [user] = await m.query(`SELECT role FROM users WHERE id = $1 FOR UPDATE`, [request.user_id]);
      if (!user) throw notFound('Deletion request');
      if (user.role !== 'learner') throw new AppException(409, 'CONFLICT', 'Only learner accounts are erased this way; staff accounts are disabled.');
      const outcome = await eraseAccount(m, request.user_id, request.certificate_choice);
      await m.query(`UPDATE deletion_requests SET status = 'completed', decided_at = now(), decided_by = $2, outcome = $3 WHERE id = $1`, [requestId, actor.id, JSON.stringify(outcome)]);
      await this.audit.record({ actor, action: 'account.erase', subjectId: request.user_id, targetId: requestId, details: { ...outcome, certificateChoice: request.certificate_choice } }, m);
      return { requestId, status: 'completed', ...outcome };
    });
  }

  async reject(actor: AuthUser, requestId: string): Promise<DeletionOutcomeDto> {
    return this.pool.transaction(async (m) => {
      const request = await this.lockPending(m, requestId);
      await m.query(`UPDATE deletion_requests SET status = 'rejected', decided_at = now(), decided_by = $2 WHERE id = $1`, [requestId, actor.id]);
      await this.audit.record({ actor, action: 'deletion_request.reject', subjectId: request.user_id, targetId: requestId }, m);
      return { requestId, status: 'rejected', enrolmentsKept: 0, enrolmentsDeleted: 0, certificatesKept: 0, certificatesRevoked: 0 };
    });
  }

  private async lockPending(m: { query(text: string, params?: unknown[]): Promise<any[]> }, requestId: string) {
    const [request] = await m.query(`SELECT user_id, certificate_choice, status FROM deletion_requests WHERE id = $1 FOR UPDATE`, [requestId]);
    if (!request) throw notFound('Deletion request');
    if (request.status !== 'pending') throw new AppException(409, 'CONFLICT', `This request is already ${request.status}.`);
    return request as { user_id: string; certificate_choice: 'keep' | 'revoke' };
  }
}

const pendingAlready = () => new AppException(409, 'DELETION_REQUEST_PENDING', 'You already asked for your account to be deleted; an administrator will confirm it.');

function toStatus(r: Record<string, any>): DeletionRequestStatusDto {
  return { id: r.id, requestedAt: r.requested_at.toISOString(), certificateChoice: r.certificate_choice, status: r.status, decidedAt: r.decided_at?.toISOString() ?? null };
}
