import { Injectable } from '@nestjs/common';
import type { Locale } from '#curriculum';
import { AppException, notFound } from '../common/app-exception.js';
import { Clock } from '../common/clock.js';
import { ItemKeyPipe } from '../common/item-key.pipe.js';
import { validateFlatBody } from '../common/validation.js';
import { DatabasePool, type SqlClient, type TransactionClient } from '../database/database-pool.js';
import {
  ASSESSMENT_PARTS, ASSESSMENT_WAVES, ConsentChoiceDto, FollowUpDto, IdempotentDto, type QueuedOutcomesDto, ScenarioChoiceDto, type SubmissionResultDto,
  SubmitAnswersDto,
} from './journey.dto.js';
import { JourneyService } from './journey.service.js';
import { ScenarioRuns } from './scenario-runs.service.js';
import {
  type EnrolmentRow, JourneySubmissions, keyReused, type KnownContent, type Learner, type LedgerEntry, lockedRow, lockEnrolmentSql, lockParams, requestHash, type StoredAnswer, type SubmissionAction, toState, withoutJourney,
} from './submission.service.js';

/** One action of a phone's queue, in the queue's order; a refusal found before the transaction (bad input) travels as is. */
export interface QueuedAction {
  key: string;
  action: SubmissionAction | AppException;
}

/** What each queued action got: the answer a single request would have had, or the refusal a single request would have had. */
export type QueuedOutcome =
  | { idempotencyKey: string; status: 200; result: Omit<SubmissionResultDto, 'journey'> }
  | { idempotencyKey: string; status: number; code: string; message: string };

const refusal = (idempotencyKey: string, error: AppException): QueuedOutcome =>
  ({ idempotencyKey, status: error.getStatus(), code: error.code, message: error.message });

/**
 * Each kind of queued action: the body its single route validates, and the route's own parameters (validated as the
 * route validates them). `alsoSent`: fields the phone keeps with the action that its route does not take.
 */
export const KINDS = {
  consent: { body: ConsentChoiceDto, params: [], alsoSent: [] },
  withdraw: { body: IdempotentDto, params: [], alsoSent: [] },
  lesson: { body: IdempotentDto, params: ['lessonKey'], alsoSent: ['moduleKey'] },
  assessment: { body: SubmitAnswersDto, params: ['wave', 'part'], alsoSent: [] },
  quiz: { body: SubmitAnswersDto, params: ['moduleKey'], alsoSent: [] },
  scenario: { body: ScenarioChoiceDto, params: ['scenarioKey'], alsoSent: ['moduleKey'] },
  followUp: { body: FollowUpDto, params: [], alsoSent: [] },
} as const;
type Kind = keyof typeof KINDS;

const itemKey = new ItemKeyPipe();
const badItem = (message: string) => new AppException(400, 'VALIDATION_FAILED', message);

/**
 * A phone's queue replayed in one request (the web outbox, after the connection returns): each item is validated
 * exactly as its single route validates it, then all run in one transaction (submitMany) through the same actions,
 * transaction context and final statement as a single submission (JourneySubmissions.openTx and finish). The answer
 * for each item is the one its single route would have given, without its journey: the queue's comes once.
 */
@Injectable()
export class QueuedSubmissions {
  constructor(
    private readonly submissions: JourneySubmissions,
    private readonly journey: JourneyService,
    private readonly scenarios: ScenarioRuns,
    private readonly db: DatabasePool,
    private readonly clock: Clock,
  ) {}

  async replay(learner: Learner, enrolmentId: string, items: Record<string, unknown>[], requestLocale: Locale): Promise<QueuedOutcomesDto> {
    const queue: QueuedAction[] = [];
    for (const [index, item] of items.entries()) {
      const key = typeof item.idempotencyKey === 'string' ? item.idempotencyKey : '';
      try {
        queue.push({ key, action: await this.actionOf(item, requestLocale) });
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        if (!key) throw badItem(`items.${index}: idempotencyKey is required (the answer to an item is found by its key)`);
        queue.push({ key, action: error });
      }
    }
    if (new Set(queue.map((q) => q.key)).size !== queue.length) throw badItem('items: each idempotencyKey may appear once');
    return this.submitMany(learner, enrolmentId, queue);
  }

  /**
   * A phone's queue for one enrolment, replayed in one request and one transaction: the row is locked and the journey
   * read once, each action runs in order as it would alone (ledger first, then the machine), and one final statement
   * stores the snapshot, every attempt and every ledger entry. An action the machine or the input refuses is undone
   * (its writes rolled back to a savepoint taken before its first query) and reported; the ones after it still run,
   * exactly as they would have one request at a time.
   */
  private async submitMany(learner: Learner, enrolmentId: string, queue: QueuedAction[]): Promise<QueuedOutcomesDto> {
    const run = () => this.submissions.withContent((known) => this.db.transaction((m) => this.submitManyLocked(m, learner, enrolmentId, known, queue)));
    try {
      return await run();
    } catch (error) {
      // The same queue sent twice at once (a retry while the first was still running): the second waited for the row
      // lock, read the ledger as it was before the first committed, and found its keys taken when it wrote them (23505).
      // Once more, now that the first one's answers are visible: the retry gets them and records nothing.
      if ((error as { code?: unknown } | null)?.code !== '23505') throw error;
      return run();
    }
  }

  private async submitManyLocked(
    m: TransactionClient, learner: Learner, enrolmentId: string, known: KnownContent, queue: QueuedAction[],
  ): Promise<QueuedOutcomesDto> {
    const keys = queue.map((q) => q.key);
    const { enrolment, seen } = await this.lockForQueue(m, learner, enrolmentId, keys);
    const tx = this.submissions.openTx(m, learner.id, enrolment, known, 'es', this.clock.now());
    const fresh: LedgerEntry[] = [];
    const outcomes: QueuedOutcome[] = [];
    for (const { key, action } of queue) {
      const hash = action instanceof AppException ? '' : requestHash(action.request);
      const before = seen.get(key);
      if (before) {
        outcomes.push(before.hash === hash ? { idempotencyKey: key, status: 200, result: withoutJourney(before.response) } : refusal(key, keyReused()));
        continue;
      }
      if (action instanceof AppException) {
        outcomes.push(refusal(key, action));
        continue;
      }
      const undo = { journey: tx.journey, deferred: tx.deferred.length, clearDrafts: tx.clearDrafts.length, consent: tx.consent.length };
      let savepoint = false;
      // The action's queries go through a savepoint taken on its first one: most actions (lessons, assessments,
      // quizzes) only defer their writes, and take none.
      tx.m = {
        query: async (text, params, name) => {
          if (!savepoint) await m.query('SAVEPOINT queued_action');
          savepoint = true;
          return m.query(text, params, name);
        },
      };
      tx.locale = action.locale;
      try {
        // Kept and answered without the journey: the queue's answer carries it once, after the last action.
        const response = await action.work(tx);
        fresh.push({ key, hash, response });
        seen.set(key, { hash, response });
        outcomes.push({ idempotencyKey: key, status: 200, result: response });
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        if (savepoint) await m.query('ROLLBACK TO SAVEPOINT queued_action');
        tx.journey = undo.journey;
        tx.deferred.length = undo.deferred;
        tx.clearDrafts.length = undo.clearDrafts;
        tx.consent.length = undo.consent;
        outcomes.push(refusal(key, error));
      }
      // Each action its own moment, in the queue's order (the machine's events and the ledger keep it).
      tx.at += 1;
    }
    tx.m = m;
    // Before the final statement, which commits: a twin's answers were committed before this one got the lock.
    await this.recheckRefusals(m, enrolment.id, outcomes, queue);
    if (fresh.length) await this.submissions.finish(tx, fresh);
    return { outcomes, journey: toState(enrolment.id, tx.journey) };
  }

  /**
   * A refusal by the machine (409) may only mean that a twin of this request (the same queue, sent again) committed
   * the action while this one waited for the lock: the ledger read with the lock predates it. A fresh read says.
   */
  private async recheckRefusals(m: SqlClient, enrolmentId: string, outcomes: QueuedOutcome[], queue: QueuedAction[]): Promise<void> {
    const doubtful = outcomes.flatMap((o, i) => (o.status === 409 && 'code' in o && o.code !== 'IDEMPOTENCY_KEY_REUSED' ? [i] : []));
    if (!doubtful.length) return;
    const rows = await m.query<{ key: string; request_hash: string; response: StoredAnswer }>(
      `SELECT key, request_hash, response FROM idempotency_keys WHERE enrolment_id = $1 AND key = ANY($2::text[])`,
      [enrolmentId, doubtful.map((i) => outcomes[i]!.idempotencyKey)],
      'idempotency_recheck_many',
    );
    for (const row of rows) {
      const i = outcomes.findIndex((o) => o.idempotencyKey === row.key);
      const action = queue[i]!.action;
      const hash = action instanceof AppException ? '' : requestHash(action.request);
      outcomes[i] = row.request_hash === hash ? { idempotencyKey: row.key, status: 200, result: withoutJourney(row.response) } : refusal(row.key, keyReused());
    }
  }

  /** The lock for a queue, with the ledger's entries for its keys in the same round trip (see recheckRefusals). */
  private async lockForQueue(m: SqlClient, learner: Learner, enrolmentId: string, keys: string[]) {
    const [row] = await m.query<EnrolmentRow & { session_valid: boolean; seen_many: { key: string; hash: string; response: StoredAnswer }[] }>(
      lockEnrolmentSql(`NULL AS seen_hash, NULL AS seen_response,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('key', k.key, 'hash', k.request_hash, 'response', k.response)), '[]'::jsonb)
           FROM idempotency_keys k WHERE k.enrolment_id = e.id AND k.key = ANY($3::text[])) AS seen_many`),
      lockParams(enrolmentId, learner, keys),
      'submission_lock_queue_v3',
    );
    const enrolment = lockedRow(row);
    return { enrolment, seen: new Map(enrolment.seen_many.map((entry) => [entry.key, { hash: entry.hash, response: entry.response }])) };
  }

  private async actionOf(item: Record<string, unknown>, requestLocale: Locale): Promise<SubmissionAction> {
    const { kind, lang, ...fields } = item;
    if (typeof kind !== 'string' || !Object.hasOwn(KINDS, kind)) throw badItem(`kind must be one of: ${Object.keys(KINDS).join(', ')}`);
    if (lang !== undefined && lang !== 'es' && lang !== 'en') throw badItem('lang must be es or en');
    const locale: Locale = lang ?? requestLocale;
    const spec = KINDS[kind as Kind];
    const body: Record<string, unknown> = {};
    const params: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if ((spec.params as readonly string[]).includes(name)) params[name] = value;
      else if (!(spec.alsoSent as readonly string[]).includes(name)) body[name] = value;
    }
    for (const name of spec.params) if (params[name] === undefined) throw badItem(`${name} is required for a ${kind} item`);
    const dto = await validateFlatBody<object>(spec.body, body);
    switch (kind as Kind) {
      case 'consent':
        return this.journey.consentAction((dto as ConsentChoiceDto).evaluationUse);
      case 'withdraw':
        return this.journey.withdrawAction();
      case 'lesson':
        return this.journey.lessonAction(itemKey.transform(params.lessonKey as string));
      case 'assessment': {
        const { wave, part } = params;
        if (!ASSESSMENT_WAVES.includes(wave as never) || !ASSESSMENT_PARTS.includes(part as never)) throw notFound('Assessment');
        return this.journey.assessmentAction(wave as 'pre' | 'post', part as 'knowledge' | 'attitude' | 'then', (dto as SubmitAnswersDto).answers, locale);
      }
      case 'quiz':
        return this.journey.quizAction(itemKey.transform(params.moduleKey as string), (dto as SubmitAnswersDto).answers, locale);
      case 'scenario': {
        const { nodeKey, choiceKey } = dto as ScenarioChoiceDto;
        return this.scenarios.choiceAction(itemKey.transform(params.scenarioKey as string), nodeKey, choiceKey, locale);
      }
      case 'followUp': {
        const { knowledge, attitude, practice } = dto as FollowUpDto;
        return this.journey.followUpAction({ knowledge, attitude, practice }, locale);
      }
    }
  }
}
