import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Course, Locale, Problem } from '#curriculum';
import {
  type JourneyEvent, type JourneyView, type PersistedJourney, applyJourneyEvent, describeJourney, journeyStage, rejectionMessage,
  withCohortFollowUpDelay, withWaitlistSchedule,
} from '#journey';
import type { AuthUser } from '../auth/auth-user.js';
import { sessionEnded } from '../auth/auth.guards.js';
import { CertificateIssuer } from '../certificates/certificate-issuer.service.js';
import { Admission } from '../common/admission.js';
import { APP_CONFIG, type AppConfig, SUBMISSION_QUEUE_WAIT_MS_DEFAULT } from '../config/app-config.js';
import { AppException, notFound } from '../common/app-exception.js';
import type { ErrorCode } from '../common/error-codes.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { DatabasePool, type SqlClient, type TransactionClient } from '../database/database-pool.js';
import type { JourneyStateDto, SubmissionResultDto } from './journey.dto.js';
import { firstJourney, sharedOutline } from './journey-outline.js';
import { type RememberedEnrolment, RememberedEnrolments } from './remembered-enrolments.js';
import { Clock } from '../common/clock.js';

export interface EnrolmentRow {
  id: string;
  status: 'active' | 'withdrawn';
  course_version_id: string;
  journey: PersistedJourney | null;
  follow_up_days: number;
  display_name: string;
  /** The study's second-baseline date when the cohort is a study's waitlist, else null. */
  waitlist_at: Date | null;
  /** The idempotency ledger's entry for the submission's key, read with the lock (null when there is none). */
  seen_hash: string | null;
  seen_response: unknown;
}

export interface ConsentChange {
  action: 'given' | 'changed' | 'withdrawn';
  /** The choice given or changed; null for a withdrawal (it keeps the choice, and records the date). */
  evaluationUse: boolean | null;
}

/**
 * A write that waits for the submission's final statement: data-modifying CTEs, in order. `$n` are its own
 * parameters; `$w0`, `$w1`… name its earlier CTEs (for RETURNING). One statement instead of one per write.
 */
export interface DeferredWrite {
  ctes: string[];
  params: unknown[];
}

/** The waitlist date of a cohort (`cohortId`: a column or parameter) when it is a study's waitlist arm, else null. */
const waitlistDateOf = (cohortId: string) =>
  `(SELECT s.second_baseline_at FROM study_arms sa JOIN studies s ON s.id = sa.study_id WHERE sa.cohort_id = ${cohortId} AND sa.arm = 'waitlist')`;

/** The cohort's waitlist date, as a column of a query over enrolments `e`. */
const WAITLIST_AT = `${waitlistDateOf('e.cohort_id')} AS waitlist_at`;

/**
 * The learner's session still good, as the guard's own query checks it (not revoked, account enabled, token version
 * current) and the token's role; or `checked`, when the guard already did. Each argument is a parameter reference.
 */
const sessionValid = (p: { checked: string; userId: string; sessionId: string; tokenVersion: string; role: string }) =>
  `(${p.checked}::boolean OR EXISTS (SELECT 1 FROM users u JOIN auth_sessions s ON s.user_id = u.id
     WHERE u.id = ${p.userId} AND s.id = ${p.sessionId} AND u.disabled_at IS NULL AND u.token_version = ${p.tokenVersion}
       AND u.role = ${p.role} AND s.revoked_at IS NULL))`;
/**
 * The learner a submission is for. On a route marked @SessionCheckedWithWrite the guard verified only the token
 * (`sessionChecked` false): the lock below then checks the session, account and role before anything else.
 */
export type Learner = Pick<AuthUser, 'id' | 'sessionId' | 'tokenVersion' | 'role' | 'sessionChecked'>;

/** A learner acting through the server itself (the demo simulation): there is no session to check. */
export const simulatedLearner = (userId: string): Learner => ({
  id: userId, sessionId: '00000000-0000-0000-0000-000000000000', tokenVersion: 0, role: 'learner', sessionChecked: true,
});

/**
 * The enrolment row a submission locks (an EnrolmentRow), with `ledger`: the columns that read the idempotency ledger
 * for the submission's key or keys ($3), and `join` when they need one. One learner's own enrolment only ($1, $2).
 * First, in the same statement, the session the guard left to it ($4–$7, see lockParams): the same conditions as
 * the guard's own query (not revoked, account enabled, token version current) and the token's role; when they fail
 * no row is locked and `session_valid` is false. (MATERIALIZED: evaluated once, not once per reference.) Measured
 * alone on one connection: guard query + lock 480 µs, this one statement 300–340 µs.
 */
export const lockEnrolmentSql = (ledger: string, join = '', lock = 'FOR UPDATE OF e') =>
  `WITH session AS MATERIALIZED (
     SELECT ${sessionValid({ checked: '$7', userId: '$2', sessionId: '$4', tokenVersion: '$5', role: '$6' })} AS valid)
   SELECT session.valid AS session_valid, locked.*
     FROM session LEFT JOIN LATERAL (
       SELECT e.id, e.status, e.course_version_id, e.journey, c.follow_up_days, coalesce(u.legal_name, u.display_name) AS display_name,
              ${ledger}, ${WAITLIST_AT}
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN users u ON u.id = e.user_id${join}
        WHERE e.id = $1 AND e.user_id = $2 AND session.valid ${lock}) locked ON true`;

/** lockEnrolmentSql's parameters. */
export const lockParams = (enrolmentId: string, learner: Learner, ledgerKeys: unknown) =>
  [enrolmentId, learner.id, ledgerKeys, learner.sessionId, learner.tokenVersion, learner.role, learner.sessionChecked];

/** The locked row, once the session is known good (401 otherwise) and the enrolment is the learner's (404 otherwise). */
export function lockedRow<T extends EnrolmentRow>(row: (T & { session_valid: boolean }) | undefined): T {
  if (!row?.session_valid) throw sessionEnded();
  if (!row.id || !row.course_version_id) throw notFound('Enrolment');
  return row;
}

const epoch = (date: Date | null) => (date === null ? null : new Date(date).getTime());

/**
 * A stored journey under its cohort's current settings: the follow-up delay, and a study's waitlist date. Every
 * reader that may store the journey calls this (the machine decides what still applies).
 */
export function currentJourney(stored: PersistedJourney, row: { follow_up_days: number; waitlist_at: Date | null }, at: number): PersistedJourney {
  return withWaitlistSchedule(withCohortFollowUpDelay(stored, row.follow_up_days, at), epoch(row.waitlist_at), at);
}

/** Everything one submission needs, inside its transaction, with the enrolment row locked. */
export interface Tx {
  /** What the submission's actions query through (a queue wraps it, to undo a refused action to a savepoint). */
  m: SqlClient;
  /** The transaction itself: its final statement goes with the COMMIT. */
  transaction: TransactionClient;
  enrolment: EnrolmentRow;
  course: Course;
  journey: PersistedJourney;
  at: number;
  locale: Locale;
  /** Feeds the machine; a rejected event aborts the whole submission with 409 and the machine's reason. */
  apply(event: JourneyEvent): void;
  /** Answer drafts to delete when the submission commits (folded into the final statement). */
  clearDrafts: string[];
  /**
   * Consent given, changed or withdrawn, in order: the enrolment's columns and the consent history are written by the
   * final statement (the enrolment row once, the history rows in this order).
   */
  consent: ConsentChange[];
  /**
   * Writes folded into the final statement (see DeferredWrite). Only for rows nothing in the submission reads back,
   * and never the enrolment row: the final statement updates it already, and one statement must not update a row twice.
   */
  deferred: DeferredWrite[];
}

export const problemsError = (problems: Problem[]) =>
  new AppException(400, 'VALIDATION_FAILED', problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; '), { problems });

/** A learner's action as a submission runs it: the request its idempotency key stands for, and the work under lock. */
export interface SubmissionAction<T extends object = object> {
  /** Hashed into the ledger: the same key sent again with another request is refused. */
  request: unknown;
  locale: Locale;
  work(tx: Tx): Promise<T>;
}

export const submissionAction = <T extends object>(request: unknown, locale: Locale, work: (tx: Tx) => Promise<T>): SubmissionAction<T> => ({ request, locale, work });

/**
 * An answer as the ledger keeps it under its idempotency key: the route's answer without `journey` (the snapshot is
 * the enrolment's to keep, not every answer's: ~4.5 KB of jsonb less per submission); reading it back adds the
 * enrolment's journey as it is then (see withJourney). Entries written before this was so still carry theirs.
 */
export type StoredAnswer = Omit<SubmissionResultDto, 'journey'> & { journey?: JourneyStateDto };

/** A stored answer without its journey. */
export const withoutJourney = ({ journey: _journey, ...rest }: StoredAnswer): Omit<SubmissionResultDto, 'journey'> => rest;

export interface LedgerEntry {
  key: string;
  hash: string;
  response: StoredAnswer;
}

/** A stored answer as a route returns it: with its journey, or the enrolment's current one when it was kept without. */
export function withJourney<T extends object>(stored: T & StoredAnswer, enrolmentId: string, journey: PersistedJourney | null): T & SubmissionResultDto {
  if (stored.journey || !journey) return stored as T & SubmissionResultDto;
  return { ...stored, journey: toState(enrolmentId, journey) };
}

export const requestHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The server is the authority on the learner's path. Every submission is serialised on the enrolment row: replay
 * check → validate and grade the answers here (the client never sends a score) → feed the shared XState machine →
 * 409 if it refuses → store the attempt (its answers) and the new snapshot → remember the answer under the
 * idempotency key so a retry returns it unchanged and creates nothing. Usually computed from a plain read and written
 * by one statement that holds only if the row did not change meanwhile (submitUnlocked); otherwise, and for steps
 * that read more of the database, in one transaction with the row locked (submitLocked).
 */
@Injectable()
export class JourneySubmissions {
  constructor(
    private readonly catalog: CourseCatalog,
    private readonly reads: DatabasePool,
    private readonly certificates: CertificateIssuer,
    private readonly clock: Clock,
    // Optional for callers outside Nest (the demo seed): they submit one at a time.
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'submissionQueueWaitMs'>,
  ) {
    // A submission that waits longer than SUBMISSION_QUEUE_WAIT_MS for its turn is refused with 503, nothing of it read
    // or written (10 s by default: several times the whole answer time measured under the 3,000-learner exam burst in
    // the slowest hour, p95 ≤ 1.9 s). The learner's app then knows its answer is not saved yet and keeps it in its
    // outbox to send again, instead of waiting without end on a server that has more work than it can do.
    this.admission = new Admission(reads.poolSize * 4, {
      maxWaitMs: config?.submissionQueueWaitMs ?? SUBMISSION_QUEUE_WAIT_MS_DEFAULT,
      busy: () => new AppException(503, 'SERVER_BUSY', 'The server is busy and has not saved this answer yet; please send it again in a moment.'),
    });
  }

  async state(learner: Learner, enrolmentId: string): Promise<JourneyStateDto> {
    const userId = learner.id;
    // Hot path: a plain read. Only a journey that does not exist yet, or a completed one whose follow-up may have
    // opened, needs the locked write below.
    const [row] = await this.reads.rows<{ journey: PersistedJourney | null; course_version_id: string | null; follow_up_days: number; waitlist_at: Date | null }>(
      `SELECT e.journey, e.course_version_id, c.follow_up_days, ${WAITLIST_AT} FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.id = $1 AND e.user_id = $2`,
      [enrolmentId, userId],
      'journey_read_v3',
    );
    if (!row?.course_version_id) throw notFound('Enrolment');
    // A journey under an older cohort delay (the trainer changed it) or a new waitlist date also takes the write path,
    // to store it; so does a waiting one (its second baseline may have opened) and a completed one (its follow-up).
    const stage = row.journey ? journeyStage(row.journey.value) : null;
    if (row.journey && stage !== 'completed' && stage !== 'waiting' && withCohortFollowUpDelay(row.journey, row.follow_up_days, 0) === row.journey
      && withWaitlistSchedule(row.journey, epoch(row.waitlist_at), this.clock.now()) === row.journey) {
      return toState(enrolmentId, row.journey);
    }
    // Content is read before the transaction: a transaction must never wait for a second pooled connection.
    const course = await this.catalog.publishedContent(row.course_version_id);
    return this.reads.transaction(async (m) => {
      const enrolment = await this.lock(m, learner, enrolmentId, null);
      const now = this.clock.now();
      const stored = enrolment.journey ?? firstJourney(course, enrolment.course_version_id, enrolment.follow_up_days);
      let journey = currentJourney(stored, enrolment, now);
      // Nothing else opens the follow-up (or ends a waitlist's wait): a tick on read moves the journey on once due.
      const tick = applyJourneyEvent(journey, { type: 'clock.tick', at: now });
      if (tick.accepted) journey = tick.snapshot;
      if (journey !== enrolment.journey) await m.query(SAVE_JOURNEY, journeyParams(enrolment.id, journey, null));
      return toState(enrolment.id, journey);
    });
  }

  async submit<T extends object>(learner: Learner, enrolmentId: string, idempotencyKey: string, action: SubmissionAction<T>): Promise<T & SubmissionResultDto> {
    const hash = requestHash(action.request);
    const userId = learner.id;
    try {
      return await this.admission.run(() => this.withContent(async (known) =>
        (await this.submitUnlocked<T>(learner, enrolmentId, idempotencyKey, hash, known, action))
        ?? this.reads.transaction((m) => this.submitLocked<T>(m, learner, enrolmentId, idempotencyKey, hash, known, action))));
    } catch (error) {
      // The same submission sent twice at once (a retry while the first was still running): the second waited for the
      // row lock and read the ledger as it was before the first committed, so it was refused by the machine or by the
      // ledger's key. A fresh read now finds the first one's answer, which is what the retry must get. (Such a
      // refusal comes after the lock, so the session was checked.)
      if (!isRaceOutcome(error)) throw error;
      const [seen] = await this.reads.rows<{ request_hash: string; response: T & StoredAnswer; journey: PersistedJourney | null }>(
        `SELECT k.request_hash, k.response, e.journey FROM idempotency_keys k JOIN enrolments e ON e.id = k.enrolment_id
          WHERE k.enrolment_id = $1 AND e.user_id = $2 AND k.key = $3`,
        [enrolmentId, userId, idempotencyKey],
        'idempotency_recheck_v2',
      );
      if (!seen) throw error;
      if (seen.request_hash !== hash) throw keyReused();
      return withJourney(seen.response, enrolmentId, seen.journey);
    }
  }

  /**
   * The common submission without holding a pooled connection across the work: the row as this replica wrote it last
   * (RememberedEnrolments) or else read as it is (no lock), the step computed, then one autocommitted statement that
   * writes everything only if the row, the cohort's settings and the session are still what the step was computed
   * from (the row's xmin; see UnchangedRowGuard1764530000000). A pooled connection is then held for one round trip at
   * a time, not from the lock to the COMMIT (two round trips with the API's work between them), which is what limits
   * a burst when connections are few for the time each is held (a database across a network; measured with small
   * pools in bench/RESULTS.md, eleventh session); a remembered row saves the read's round trip. Undefined when this
   * way cannot finish the submission and the locked one must: the row changed in between (a twin, a trainer), the
   * action reads the database (a scenario's run), or the journey completes (the certificate is issued under the lock).
   */
  private async submitUnlocked<T extends object>(
    learner: Learner, enrolmentId: string, idempotencyKey: string, hash: string, known: KnownContent, action: SubmissionAction<T>,
  ): Promise<(T & SubmissionResultDto) | undefined> {
    const hint = this.remembered.take(enrolmentId, learner.id, this.clock.now());
    if (hint) {
      // The row as this process wrote it last, without reading it. Whatever goes wrong from here, a refusal included
      // (the hint may be stale: the learner moved on through another replica), is tried again from a fresh read.
      const enrolment: UnlockedRow = {
        id: enrolmentId, status: hint.status, course_version_id: hint.courseVersionId, journey: rememberedJourney(hint),
        follow_up_days: hint.followUpDays, waitlist_at: hint.waitlistAt, row_version: hint.rowVersion, seen_hash: null, seen_response: null,
        display_name: '', // only a certificate prints it, and certificates are issued under the lock (which reads it)
      };
      try {
        const answer = await this.writeUnlocked(learner, enrolment, idempotencyKey, hash, known, action);
        if (answer === NEEDS_LOCK) return undefined;
        if (answer !== ROW_CHANGED) return answer;
      } catch {
        // read below
      }
    }
    const [row] = await this.reads.rows<UnlockedRow & { session_valid: boolean }>(
      lockEnrolmentSql(`e.xmin::text AS row_version, ${SEEN_LEDGER}`, SEEN_LEDGER_JOIN, ''), lockParams(enrolmentId, learner, idempotencyKey), 'submission_read_v1',
    );
    const enrolment = lockedRow(row);
    if (enrolment.seen_hash !== null) return this.seen<T>(enrolment, hash);
    const answer = await this.writeUnlocked(learner, enrolment, idempotencyKey, hash, known, action);
    return answer === NEEDS_LOCK || answer === ROW_CHANGED ? undefined : answer;
  }

  /**
   * The step computed from `enrolment` and written by one guarded statement; NEEDS_LOCK when only the locked path can
   * do it, ROW_CHANGED when the row was not the one it was computed from.
   */
  private async writeUnlocked<T extends object>(
    learner: Learner, enrolment: UnlockedRow, idempotencyKey: string, hash: string, known: KnownContent, action: SubmissionAction<T>,
  ): Promise<(T & SubmissionResultDto) | typeof NEEDS_LOCK | typeof ROW_CHANGED> {
    const at = this.clock.now();
    const tx = this.openTx(needsLock, learner.id, enrolment, known, action.locale, at);
    let extra: T;
    try {
      extra = await action.work(tx);
    } catch (error) {
      if (error === NEEDS_LOCK) return NEEDS_LOCK;
      throw error;
    }
    const view = describeJourney(tx.journey);
    if (view.certificateAvailable) return NEEDS_LOCK;
    const response = { ...extra, journey: toState(enrolment.id, tx.journey, view) };
    const { text, params } = this.finalStatement(tx, [{ key: idempotencyKey, hash, response }], view, { row: enrolment, learner });
    let written: { row_version: string }[];
    try {
      written = await this.reads.rows<{ row_version: string }>(text, params, finalStatementName(text));
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === ROW_CHANGED) return ROW_CHANGED;
      throw error;
    }
    const outline = sharedOutline(tx.course, tx.journey.context.outline) ?? null;
    this.remembered.remember(enrolment.id, {
      userId: learner.id, status: enrolment.status, courseVersionId: enrolment.course_version_id, followUpDays: enrolment.follow_up_days,
      waitlistAt: enrolment.waitlist_at, rowVersion: written[0]!.row_version, rememberedAt: at, outline,
      journeyText: outline ? JSON.stringify({ ...tx.journey, context: { ...tx.journey.context, outline: undefined } }) : (params[1] as string),
    });
    return response;
  }

  /** A retry's answer: the first one, kept in the ledger (read with the row); a different request under its key is refused. */
  private seen<T extends object>(enrolment: EnrolmentRow, hash: string): T & SubmissionResultDto {
    if (enrolment.seen_hash !== hash) throw keyReused();
    return withJourney(enrolment.seen_response as T & StoredAnswer, enrolment.id, enrolment.journey);
  }

  private async submitLocked<T extends object>(
    m: TransactionClient, learner: Learner, enrolmentId: string, idempotencyKey: string, hash: string, known: KnownContent, action: SubmissionAction<T>,
  ): Promise<T & SubmissionResultDto> {
    const enrolment = await this.lock(m, learner, enrolmentId, idempotencyKey);
    // Read with the lock: a retry (same key) gets the first answer back and records nothing. A retry that had to wait
    // for the lock sees the ledger as of before the wait; submit() catches the refusal that follows and reads again.
    if (enrolment.seen_hash !== null) return this.seen<T>(enrolment, hash);
    const tx = this.openTx(m, learner.id, enrolment, known, action.locale, this.clock.now());
    const extra = await action.work(tx);
    const view = describeJourney(tx.journey);
    const response = { ...extra, journey: toState(enrolment.id, tx.journey, view) };
    await this.finish(tx, [{ key: idempotencyKey, hash, response }], view);
    return response;
  }

  /**
   * Runs a submission's transaction with the content of the enrolment's version at hand. The version is known only
   * once the row is locked, and a transaction must never wait for a second pooled connection (the pool could
   * deadlock under load), so the content comes from the catalog's memory; the first use of a version since the
   * process started loads it outside the transaction and runs the transaction again.
   */
  async withContent<T>(run: (known: KnownContent) => Promise<T>): Promise<T> {
    const known: KnownContent = { content: (versionId) => this.catalog.loaded(versionId) };
    try {
      return await run(known);
    } catch (error) {
      if (!(error instanceof ContentNotLoaded)) throw error;
      await this.catalog.publishedContent(error.versionId);
      return run(known);
    }
  }

  /** The transaction's context for the enrolment, after the checks every submission makes under the lock. */
  openTx(m: TransactionClient, userId: string, enrolment: EnrolmentRow, known: KnownContent, locale: Locale, at: number): Tx {
    // A learner who had not started may have been moved to a newer version (CohortVersions.move) after this process
    // saw them on the old one: forget it and let the client try again on the new one.
    const memo = `${userId}:${enrolment.id}`;
    const seen = this.versions.get(memo);
    if (seen !== undefined && enrolment.course_version_id !== seen) {
      this.versions.delete(memo);
      throw new AppException(409, 'COURSE_VERSION_MOVED', 'Your cohort moved to a newer version of the course before you started; please try again.');
    }
    if (enrolment.status !== 'active') throw new AppException(409, 'ENROLMENT_CLOSED', 'You were removed from this cohort; your record is kept but no new answers are accepted.');
    const course = known.content(enrolment.course_version_id);
    if (!course) throw new ContentNotLoaded(enrolment.course_version_id);
    this.remember(memo, enrolment.course_version_id);
    const tx: Tx = {
      m, transaction: m, enrolment, course, locale, at, clearDrafts: [], deferred: [], consent: [],
      // Under the cohort's current follow-up delay (a trainer may have changed it since the journey started) and
      // study; a waitlist whose date has come moves on to its second baseline first.
      journey: openDueWait(currentJourney(enrolment.journey ?? firstJourney(course, enrolment.course_version_id, enrolment.follow_up_days), enrolment, at), at),
      apply(event) {
        const result = applyJourneyEvent(tx.journey, event);
        if (!result.accepted) throw new AppException(409, result.reason as ErrorCode, rejectionMessage(result.reason));
        tx.journey = result.snapshot;
      },
    };
    return tx;
  }

  /**
   * The certificate when the journey is complete, then one round trip for the rest, with the COMMIT: drafts cleared,
   * snapshot saved, deferred writes (attempts and their responses), and each answer remembered under its idempotency key.
   */
  async finish(tx: Tx, ledger: LedgerEntry[], view = describeJourney(tx.journey)): Promise<void> {
    if (view.certificateAvailable) await this.certificates.issue(tx.m, tx.enrolment, tx.course, view.completedAt!);
    const { text, params } = this.finalStatement(tx, ledger, view);
    // Few distinct texts (which writes a kind of submission defers): each is prepared once per connection.
    await tx.transaction.queryAndCommit(text, params, finalStatementName(text));
  }

  /**
   * The submission's writes as one statement. `unchanged`: for a submission computed without the row lock, the
   * enrolment's update is guarded on everything it was computed from, and the statement fails with ROW_CHANGED,
   * writing nothing, when that update finds no row; it returns the row's new xmin.
   */
  private finalStatement(tx: Tx, ledger: LedgerEntry[], view: JourneyView, unchanged?: { row: UnlockedRow; learner: Learner }): { text: string; params: unknown[] } {
    const entries = JSON.stringify(ledger.map((e) => ({ key: e.key, hash: e.hash, response: withoutJourney(e.response) })));
    const chosen = tx.consent.filter((c) => c.action !== 'withdrawn').at(-1);
    const params = [
      ...journeyParams(tx.enrolment.id, tx.journey, tx.at, view), tx.clearDrafts, entries,
      chosen?.evaluationUse ?? null, chosen ? tx.course.consent.version : null, tx.consent.some((c) => c.action === 'withdrawn'),
    ];
    // The consent CTE names its parameters $12 and $13: they come right after the eleven above, before any other.
    let consents: string | undefined;
    if (tx.consent.length) {
      params.push(tx.course.consent.version, JSON.stringify(tx.consent.map((c) => ({ action: c.action, evaluation_use: c.evaluationUse }))));
      // One insert, in the order given: the history reads (recorded_at, id).
      consents = `consents AS (INSERT INTO consent_records (enrolment_id, action, consent_version, evaluation_use)
        SELECT $1, c.action, $12, c.evaluation_use
          FROM ROWS FROM (jsonb_to_recordset($13::jsonb) AS (action text, evaluation_use boolean)) WITH ORDINALITY AS c(action, evaluation_use, n) ORDER BY c.n)`;
    }
    let save = FINAL_SAVE;
    let written = '';
    if (unchanged) {
      const { row, learner } = unchanged;
      const n = params.push(
        row.row_version, learner.id, row.follow_up_days, row.waitlist_at, learner.sessionChecked, learner.sessionId, learner.tokenVersion, learner.role,
      ) - 8;
      // Everything the submission was computed from: the row as read (its xmin), the cohort's settings (the waitlist
      // date to the millisecond, as a JavaScript Date holds it), and the session as lockEnrolmentSql checks it.
      save = `${FINAL_SAVE} AND xmin = $${n + 1}::xid AND user_id = $${n + 2}
        AND EXISTS (SELECT 1 FROM cohorts c WHERE c.id = enrolments.cohort_id AND c.follow_up_days = $${n + 3})
        AND date_trunc('milliseconds', ${waitlistDateOf('enrolments.cohort_id')}) IS NOT DISTINCT FROM $${n + 4}::timestamptz
        AND ${sessionValid({ checked: `$${n + 5}`, userId: `$${n + 2}`, sessionId: `$${n + 6}`, tokenVersion: `$${n + 7}`, role: `$${n + 8}` })}
        RETURNING xmin::text AS row_version`;
      written = `\n      WHERE written_once((SELECT count(*) FROM saved)) RETURNING (SELECT row_version FROM saved)`;
    }
    const ctes = [`drafts AS (DELETE FROM answer_drafts WHERE enrolment_id = $1 AND target = ANY($7::text[]))`, `saved AS (${save})`];
    if (consents) ctes.push(consents);
    for (const write of tx.deferred) ctes.push(...foldWrite(write, params, ctes.length));
    const text = `WITH ${ctes.join(',\n')}\nINSERT INTO idempotency_keys (enrolment_id, key, request_hash, status_code, response)
      SELECT $1, l.key, l.hash, 200, l.response FROM jsonb_to_recordset($8::jsonb) AS l(key text, hash text, response jsonb)${written}`;
    return { text, params };
  }

  /**
   * Enrolment → pinned course version as this process last saw it: it changes only before the learner's first
   * submission (checked under lock, in openTx).
   */
  private readonly versions = new Map<string, string>();
  /** Where a learner's next submission starts without a read (see RememberedEnrolments). */
  private readonly remembered = new RememberedEnrolments();
  /**
   * Submissions under way at once: enough to keep every pooled connection busy. In a burst the rest wait before they
   * read or build anything; without a limit each one held its journey and its final statement while queueing for a
   * connection, and the API's memory grew with the backlog (bench/RESULTS.md, eleventh session).
   */
  private readonly admission: Admission;
  async pinnedVersion(userId: string, enrolmentId: string): Promise<string> {
    const known = this.versions.get(`${userId}:${enrolmentId}`);
    if (known) return known;
    const [row] = await this.reads.rows<{ course_version_id: string | null }>(
      `SELECT course_version_id FROM enrolments WHERE id = $1 AND user_id = $2`, [enrolmentId, userId], 'enrolment_version',
    );
    if (!row?.course_version_id) throw notFound('Enrolment');
    this.remember(`${userId}:${enrolmentId}`, row.course_version_id);
    return row.course_version_id;
  }

  private remember(memo: string, versionId: string): void {
    if (this.versions.size > 100_000) this.versions.clear();
    this.versions.set(memo, versionId);
  }

  private async lock(m: SqlClient, learner: Learner, enrolmentId: string, idempotencyKey: string | null): Promise<EnrolmentRow> {
    const [row] = await m.query(
      lockEnrolmentSql(SEEN_LEDGER, SEEN_LEDGER_JOIN),
      lockParams(enrolmentId, learner, idempotencyKey),
      'submission_lock_v4',
    );
    return lockedRow(row);
  }
}

/** A remembered journey as it was written (see RememberedEnrolments). */
function rememberedJourney(hint: RememberedEnrolment): PersistedJourney {
  const journey = JSON.parse(hint.journeyText) as PersistedJourney;
  if (hint.outline) journey.context.outline = hint.outline;
  return journey;
}

/** An enrolment row a submission starts from without the lock, with its xmin. */
type UnlockedRow = EnrolmentRow & { row_version: string };

/** The ledger's entry for the submission's key ($3), read with the enrolment row. */
const SEEN_LEDGER = 'k.request_hash AS seen_hash, k.response AS seen_response';
const SEEN_LEDGER_JOIN = ' LEFT JOIN idempotency_keys k ON k.enrolment_id = e.id AND k.key = $3';

/** The SQLSTATE of a guarded write whose row changed since it was read (see UnchangedRowGuard1764530000000). */
const ROW_CHANGED = 'R0001' as const;

/** Thrown by a submission computed without the row lock when its action reads the database: it runs again under the lock. */
const NEEDS_LOCK: unique symbol = Symbol('needs the row lock');
const refuse = () => Promise.reject(NEEDS_LOCK);
const needsLock: TransactionClient = { query: refuse, queryAndCommit: refuse };

/** A waiting journey whose second-baseline date has come is ticked into it (only there: other stages keep their ticks for reads). */
function openDueWait(journey: PersistedJourney, at: number): PersistedJourney {
  if (journeyStage(journey.value) !== 'waiting') return journey;
  const tick = applyJourneyEvent(journey, { type: 'clock.tick', at });
  return tick.accepted ? tick.snapshot : journey;
}

/** What a submission's transaction knows of course content: a version's, when the catalog has it in memory. */
export interface KnownContent {
  content(versionId: string): Course | undefined;
}

/** Thrown inside a transaction that needs a version's content not loaded yet (see withContent). */
class ContentNotLoaded extends Error {
  constructor(readonly versionId: string) {
    super(`course version ${versionId} is not loaded yet`);
  }
}

export const keyReused = () => new AppException(409, 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey: this key was already used for a different submission.');

/** A refusal that a concurrent twin of the submission can explain: the machine's or the ledger's (unique key). */
function isRaceOutcome(error: unknown): boolean {
  if (error instanceof AppException) return error.getStatus() === 409;
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** A deferred write's CTEs, named w<n> and with its parameters numbered after those already in `params` (appended). */
function foldWrite(write: DeferredWrite, params: unknown[], firstIndex: number): string[] {
  const offset = params.length;
  params.push(...write.params);
  const name = (i: number) => `w${firstIndex + i}`;
  return write.ctes.map((cte, i) => `${name(i)} AS (${cte.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`).replace(/\$w(\d+)/g, (_, n: string) => name(Number(n)))})`);
}

/** A final statement's prepared-statement name: a hash of its text, computed once per distinct text. */
const finalStatementNames = new Map<string, string>();
function finalStatementName(text: string): string {
  let name = finalStatementNames.get(text);
  if (name === undefined) {
    name = `submission_final_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    // Texts come from the code's own combinations of writes (a handful); the bound only guards against a bug.
    if (finalStatementNames.size < 1000) finalStatementNames.set(text, name);
  }
  return name;
}

/** The final statement's update of the enrolment: the snapshot ($1–$6), and the consent columns when they changed ($9–$11). */
const FINAL_SAVE = `UPDATE enrolments SET journey = $2, stage = $3, percent_complete = $4,
  last_activity_at = coalesce($5, last_activity_at), completed_at = $6, evaluation_use = coalesce($9::boolean, evaluation_use),
  consent_version = coalesce($10::text, consent_version), consent_withdrawn_at = CASE WHEN $11::boolean THEN now() ELSE consent_withdrawn_at END
  WHERE id = $1`;

/** Stores the snapshot with the columns the trainer roster reads ($1–$6, see journeyParams). */
const SAVE_JOURNEY = `UPDATE enrolments SET journey = $2, stage = $3, percent_complete = $4,
  last_activity_at = coalesce($5, last_activity_at), completed_at = $6 WHERE id = $1`;

function journeyParams(enrolmentId: string, journey: PersistedJourney, at: number | null, view: JourneyView = describeJourney(journey)): unknown[] {
  return [enrolmentId, JSON.stringify(journey), view.stage, view.percentComplete, at === null ? null : new Date(at), view.completedAt === null ? null : new Date(view.completedAt)];
}

export function toState(enrolmentId: string, journey: PersistedJourney, view: JourneyView = describeJourney(journey)): JourneyStateDto {
  return {
    enrolmentId, courseVersionId: view.courseVersionId, stage: view.stage, percentComplete: view.percentComplete,
    followUpOpensAt: view.followUpOpensAt === null ? null : new Date(view.followUpOpensAt).toISOString(),
    secondBaselineAt: view.waitlist === null ? null : new Date(view.waitlist.secondBaselineAt).toISOString(), snapshot: journey,
  };
}
