import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { DatabasePool } from '../database/database-pool.js';
import { toCsv } from '../reports/exports/export-csv.js';
import { ALL_ACCOUNT_READS, COHORT_READS } from './audit-actions.js';
import { AuditLog } from './audit-log.service.js';
import type { AuditEntryDto, AuditIntegrityDto, AuditPageDto, AuditQueryDto } from './audit.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const AUDIT_CSV_MAX_ROWS = 50_000;

/**
 * Entries that concern person $1: about them, reads of a cohort while they were enrolled in it, lists of every account
 * made while theirs existed, and lists of pending deletion requests while theirs was pending.
 */
const CONCERNS = `(a.subject_id = $1
   OR (a.action = ANY($2::text[]) AND EXISTS (SELECT 1 FROM enrolments e WHERE e.user_id = $1 AND e.cohort_id = ANY(a.cohort_ids) AND e.created_at <= a.at))
   OR (a.action = ANY($3::text[]) AND EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.created_at <= a.at))
   OR (a.action = 'deletion_requests.list' AND EXISTS (
         SELECT 1 FROM deletion_requests r WHERE r.user_id = $1 AND r.requested_at <= a.at AND (r.decided_at IS NULL OR r.decided_at >= a.at))))`;

const ENTRY_SELECT = `
  SELECT a.seq, a.at, a.actor_id, actor.display_name AS actor_name, a.actor_role, a.action, a.subject_id,
         subject.display_name AS subject_name, a.cohort_ids, a.target_id, a.details,
         coalesce((SELECT array_agg(c.name ORDER BY c.name) FROM cohorts c WHERE c.id = ANY(a.cohort_ids)), '{}') AS cohort_names
    FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_id LEFT JOIN users subject ON subject.id = a.subject_id`;

interface EntryRow {
  seq: string; at: Date; actor_id: string | null; actor_name: string | null; actor_role: AuditEntryDto['actorRole']; action: AuditEntryDto['action'];
  subject_id: string | null; subject_name: string | null; cohort_ids: string[]; cohort_names: string[]; target_id: string | null; details: Record<string, unknown>;
}

/** Reading the audit log: the admin's filtered pages, CSV export and chain check; a learner's own access log. */
@Injectable()
export class AuditQueries {
  constructor(
    private readonly pool: DatabasePool,
    private readonly audit: AuditLog,
  ) {}

  async page(actor: AuthUser, query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const filter = await this.resolve(query);
    const rows = await this.find(filter, limit + 1);
    await this.audit.record({ actor, action: 'audit.read', details: filterDetails(filter) });
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.seq : null };
  }

  async csv(actor: AuthUser, query: AuditQueryDto): Promise<string> {
    const filter = await this.resolve(query);
    const rows = (await this.find(filter, AUDIT_CSV_MAX_ROWS)).map(toEntry);
    await this.audit.record({ actor, action: 'audit.export', details: { ...filterDetails(filter), rows: rows.length } });
    return toCsv({
      columns: ['seq', 'at', 'actor_id', 'actor_name', 'actor_role', 'action', 'subject_id', 'subject_name', 'cohort_ids', 'cohort_names', 'target_id', 'details'],
      rows: rows.map((e) => [
        e.seq, e.at, e.actorId, e.actorName, e.actorRole, e.action, e.subjectId, e.subjectName, e.cohortIds.join(' '), e.cohortNames.join(' | '), e.targetId,
        JSON.stringify(e.details),
      ]),
    });
  }

  async integrity(): Promise<AuditIntegrityDto> {
    const [row] = await this.pool.rows<{ entries: number; broken: string | null; head_seq: string | null; head_hash: string | null }>(
      `SELECT (SELECT count(*)::int FROM audit_log) AS entries, audit_log_broken_link() AS broken, h.seq AS head_seq, h.hash AS head_hash
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) h ON true`,
      [],
    );
    return {
      entries: row!.entries, intact: row!.broken === null, brokenAt: row!.broken === null ? null : Number(row!.broken),
      headSeq: row!.head_seq === null ? null : Number(row!.head_seq), headHash: row!.head_hash,
    };
  }

  /** Staff reads of this person's data and staff changes concerning them, newest first (their own actions left out). */
  async accessLogOf(userId: string, limit = 500): Promise<AuditEntryDto[]> {
    const rows = await this.pool.rows<EntryRow>(
      `${ENTRY_SELECT} WHERE ${CONCERNS} AND a.actor_id IS DISTINCT FROM $1 ORDER BY a.seq DESC LIMIT $4`,
      [userId, COHORT_READS, ALL_ACCOUNT_READS, limit],
    );
    return rows.map(toEntry);
  }

  /** The filter with accounts as ids (entries record ids, never the e-mail an admin typed). */
  private async resolve(query: AuditQueryDto): Promise<Filter> {
    const [actorId, subjectId] = await Promise.all([this.accountId(query.actor), this.accountId(query.subject)]);
    return { actorId, subjectId, action: query.action ?? null, cohortId: query.cohortId ?? null, from: query.from ?? null, to: query.to ?? null, before: query.before ?? null };
  }

  private async find(f: Filter, limit: number): Promise<EntryRow[]> {
    // A named account that does not exist matches nothing (an erased one is still found by its id).
    if (f.actorId === false || f.subjectId === false) return [];
    return this.pool.rows<EntryRow>(
      `${ENTRY_SELECT}
        WHERE ($1::uuid IS NULL OR ${CONCERNS})
          AND ($4::uuid IS NULL OR a.actor_id = $4) AND ($5::text IS NULL OR a.action = $5)
          AND ($6::uuid IS NULL OR $6 = ANY(a.cohort_ids)) AND ($7::timestamptz IS NULL OR a.at >= $7)
          AND ($8::timestamptz IS NULL OR a.at < $8) AND ($9::bigint IS NULL OR a.seq < $9)
        ORDER BY a.seq DESC LIMIT $10`,
      [f.subjectId, COHORT_READS, ALL_ACCOUNT_READS, f.actorId, f.action, f.cohortId, f.from, f.to, f.before, limit],
    );
  }

  /** null: no filter; false: an e-mail no account has. */
  private async accountId(idOrEmail: string | undefined): Promise<string | null | false> {
    if (!idOrEmail) return null;
    if (UUID.test(idOrEmail)) return idOrEmail.toLowerCase();
    const [row] = await this.pool.rows<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [idOrEmail.toLowerCase()]);
    return row?.id ?? false;
  }
}

interface Filter {
  actorId: string | null | false;
  subjectId: string | null | false;
  action: string | null;
  cohortId: string | null;
  from: string | null;
  to: string | null;
  before: number | null;
}

function filterDetails(f: Filter): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null)) as Record<string, string | number | boolean>;
}

function toEntry(r: EntryRow): AuditEntryDto {
  return {
    seq: Number(r.seq), at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, actorRole: r.actor_role, action: r.action,
    subjectId: r.subject_id, subjectName: r.subject_name, cohortIds: r.cohort_ids, cohortNames: r.cohort_names, targetId: r.target_id, details: r.details,
  };
}
