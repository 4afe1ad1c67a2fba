import { Injectable } from '@nestjs/common';
import type { Course } from '#curriculum';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { AuditQueries } from '../audit/audit-query.service.js';
import { notFound } from '../common/app-exception.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { DatabasePool } from '../database/database-pool.js';
import { answersFromVectors } from '../journey/attempt-store.service.js';
import { toCsv } from '../reports/exports/export-csv.js';
import { UserEntity } from '../users/user.entity.js';
import { toUserDto } from '../users/user.mapper.js';
import { csvRowsOf, MY_DATA_CSV_COLUMNS } from './my-data-csv.js';
import type { MyAttemptDto, MyDataDto, MyEnrolmentDataDto } from './my-data.dto.js';

type Row = Record<string, any>;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Everything held about one person, gathered table by table (the right of access and portability): profile and its
 * change history, each enrolment with its consent history, answers and scores, scenario runs, drafts, action plan and
 * certificate, the staff reads and changes the audit log holds about them, and their deletion requests.
 */
@Injectable()
export class MyDataService {
  constructor(
    private readonly pool: DatabasePool,
    private readonly audit: AuditLog,
    private readonly auditQueries: AuditQueries,
    private readonly catalog: CourseCatalog,
  ) {}

  mine(userId: string): Promise<MyDataDto> {
    return this.collect(userId);
  }

  async mineAsCsv(userId: string): Promise<string> {
    return toCsv({ columns: MY_DATA_CSV_COLUMNS, rows: csvRowsOf(await this.collect(userId)) });
  }

  /** An admin answering a request made outside the app (on paper, by phone): recorded as a read of that person's data. */
  async forAdmin(actor: AuthUser, userId: string): Promise<MyDataDto> {
    const [exists] = await this.pool.rows(`SELECT 1 FROM users WHERE id = $1`, [userId]);
    if (!exists) throw notFound('User');
    await this.audit.record({ actor, action: 'personal_data.read', subjectId: userId });
    return this.collect(userId);
  }

  private async collect(userId: string): Promise<MyDataDto> {
    const q = (sql: string) => this.pool.rows<Row>(sql, [userId]);
    const mine = `SELECT id FROM enrolments WHERE user_id = $1`;
    const [[user], changes, enrolments, consents, attempts, answers, runs, drafts, plans, certificates, requests, accessLog] = await Promise.all([
      q(`SELECT * FROM users WHERE id = $1`),
      q(`SELECT changed_at, field, changed_by, old_value FROM profile_changes WHERE user_id = $1 ORDER BY changed_at, id`),
      q(`SELECT e.*, c.name AS cohort_name FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.user_id = $1 ORDER BY e.created_at`),
      q(`SELECT * FROM consent_records WHERE enrolment_id IN (${mine}) ORDER BY recorded_at, id`),
      q(`SELECT * FROM attempts WHERE enrolment_id IN (${mine}) ORDER BY created_at, id`),
      q(`SELECT r.* FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.enrolment_id IN (${mine}) ORDER BY r.item_key`),
      q(`SELECT * FROM scenario_runs WHERE enrolment_id IN (${mine}) ORDER BY scenario_key`),
      q(`SELECT * FROM answer_drafts WHERE enrolment_id IN (${mine}) ORDER BY target`),
      q(`SELECT * FROM action_plans WHERE enrolment_id IN (${mine})`),
      q(`SELECT * FROM certificates WHERE enrolment_id IN (${mine})`),
      q(`SELECT * FROM deletion_requests WHERE user_id = $1 ORDER BY requested_at`),
      this.auditQueries.accessLogOf(userId),
    ]);
    if (!user) throw notFound('User');
    const byEnrolment = (rows: Row[]) => (id: string) => rows.filter((r) => r.enrolment_id === id);
    // An assessment's answers live in its vectors (attempts written before that also kept rows): read with the
    // version's items, in item-key order like the rows. Only the versions of attempts without rows are needed.
    const withRows = new Set(answers.map((r) => r.attempt_id as string));
    const versions = new Map<string, Course>();
    for (const a of attempts) {
      if (a.answer_vector && !withRows.has(a.id) && !versions.has(a.course_version_id)) versions.set(a.course_version_id, await this.catalog.publishedContent(a.course_version_id));
    }
    const answersOf = (a: Row): Row[] => {
      const fromVectors = withRows.has(a.id) || !a.answer_vector ? null : answersFromVectors(versions.get(a.course_version_id)!, a.kind, a.answer_vector, a.choice_vector);
      if (!fromVectors) return answers.filter((r) => r.attempt_id === a.id);
      return fromVectors.map((r) => ({ item_key: r.itemKey, value: r.value, correct: r.correct })).sort((x, y) => (x.item_key < y.item_key ? -1 : x.item_key > y.item_key ? 1 : 0));
    };
    const entity = Object.assign(new UserEntity(), {
      id: user.id, email: user.email, displayName: user.display_name, legalName: user.legal_name, role: user.role, locale: user.locale,
      positionType: user.position_type, institution: user.institution, region: user.region, disabledAt: user.disabled_at, canEditContent: user.can_edit_content, canEvaluate: user.can_evaluate,
    });
    return {
      generatedAt: new Date().toISOString(),
      profile: { ...toUserDto(entity), createdAt: user.created_at.toISOString(), updatedAt: user.updated_at.toISOString() },
      profileChanges: changes.map((c) => ({
        at: c.changed_at.toISOString(), field: c.field, by: c.changed_by === userId ? 'self' : c.changed_by ? 'staff' : 'unknown', oldValue: c.old_value,
      })),
      enrolments: enrolments.map((e): MyEnrolmentDataDto => ({
        id: e.id, cohortName: e.cohort_name, status: e.status, stage: e.stage, percentComplete: e.percent_complete, enrolledAt: e.created_at.toISOString(),
        lastActivityAt: iso(e.last_activity_at), completedAt: iso(e.completed_at), removedAt: iso(e.removed_at), consentWithdrawnAt: iso(e.consent_withdrawn_at),
        evaluationUse: e.evaluation_use, consentVersion: e.consent_version,
        consentHistory: byEnrolment(consents)(e.id).map((c) => ({ at: c.recorded_at.toISOString(), action: c.action, consentVersion: c.consent_version, evaluationUse: c.evaluation_use })),
        attempts: byEnrolment(attempts)(e.id).map((a): MyAttemptDto => ({
          kind: a.kind, wave: a.wave, moduleKey: a.module_key, targetKey: a.target_key, score: a.score === null ? null : Number(a.score), passed: a.passed,
          outcome: a.outcome, at: a.created_at.toISOString(),
          answers: answersOf(a).map((r) => ({ itemKey: r.item_key, value: JSON.stringify(r.value), correct: r.correct })),
        })),
        scenarioRuns: byEnrolment(runs)(e.id).map((r) => ({ scenarioKey: r.scenario_key, choices: JSON.stringify(r.choices), finishedAt: iso(r.finished_at), updatedAt: r.updated_at.toISOString() })),
        drafts: byEnrolment(drafts)(e.id).map((d) => ({ target: d.target, answers: JSON.stringify(d.answers), updatedAt: d.updated_at.toISOString() })),
        actionPlan: byEnrolment(plans)(e.id).map((p) => ({ commitments: p.commitments, followupStatus: p.followup_status, followupAt: iso(p.followup_at), updatedAt: p.updated_at.toISOString() }))[0] ?? null,
        certificate: byEnrolment(certificates)(e.id).map((c) => ({
          code: c.code, learnerName: c.learner_name, courseTitle: c.course_title[user.locale] ?? c.course_title.es, completedAt: c.completed_at.toISOString(), issuedAt: c.issued_at.toISOString(),
        }))[0] ?? null,
      })),
      accessLog: accessLog.map((a) => ({ at: a.at, action: a.action, actorRole: a.actorRole, actorName: a.actorName, cohortNames: a.cohortNames })),
      deletionRequests: requests.map((r) => ({ id: r.id, requestedAt: r.requested_at.toISOString(), certificateChoice: r.certificate_choice, status: r.status, decidedAt: iso(r.decided_at) })),
    };
  }
}
