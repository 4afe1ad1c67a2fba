import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type Answers, type Course, type Locale, type Problem, gradeKnowledgeTest, gradeQuestion, gradeQuiz, validateAnswers, validateLikertAnswers,
  walkScenario,
} from '#curriculum';
import { type JourneyEvent, type JourneyView, type PersistedJourney, applyJourneyEvent, describeJourney, journeyStage, startJourney } from '#journey';
import { AppException, notFound } from '../common/app-exception.js';
import { Clock } from '../common/clock.js';
import { readableCode } from '../common/readable-code.js';
import type { ErrorCode } from '../common/error-codes.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { ReadPool, type SqlClient } from '../database/read-pool.js';
import type { DraftDto, GradeFeedbackDto, JourneyStateDto, ScenarioChoiceResultDto, ScenarioRunDto, SubmissionResultDto } from './journey.dto.js';
import { questionFeedback, quizFeedback } from './grade-feedback.js';
import { rejectionMessage } from './journey-rejections.js';
import { outlineOf } from './journey-outline.js';
import { OptionSeeds } from './option-seeds.service.js';
import { describeRun } from './scenario-run.js';

interface EnrolmentRow {
  id: string;
  status: 'active' | 'withdrawn';
  course_version_id: string;
  journey: PersistedJourney | null;
  follow_up_days: number;
  display_name: string;
}

/** Everything one submission needs, inside its transaction, with the enrolment row locked. */
interface Tx {
  m: SqlClient;
  enrolment: EnrolmentRow;
  course: Course;
  journey: PersistedJourney;
  at: number;
  locale: Locale;
  /** Feeds the machine; a rejected event aborts the whole submission with 409 and the machine's reason. */
  apply(event: JourneyEvent): void;
  /** Answer drafts to delete when the submission commits (folded into the final statement). */
  clearDrafts: string[];
}

/** The choice on the enrolment (what reports read) and in the append-only history, under the text's version. */
async function recordConsent(tx: Tx, action: 'given' | 'changed', evaluationUse: boolean): Promise<void> {
  await tx.m.query(
    `WITH updated AS (UPDATE enrolments SET evaluation_use = $2, consent_version = $3 WHERE id = $1)
     INSERT INTO consent_records (enrolment_id, action, consent_version, evaluation_use) VALUES ($1, $4, $3, $2)`,
    [tx.enrolment.id, evaluationUse, tx.course.consent.version, action],
  );
}

const requestHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const problemsError = (problems: Problem[]) =>
  new AppException(400, 'VALIDATION_FAILED', problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; '), { problems });

/**
 * The server is the authority on the learner's path. Every submission runs in one transaction with the enrolment
 * row locked: replay check → validate and grade the answers here (the client never sends a score) → feed the shared
 * XState machine → 409 if it refuses → store attempt, responses and the new snapshot → remember the answer under the
 * idempotency key so a retry returns it unchanged and creates nothing.
 */
@Injectable()
export class JourneyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CourseCatalog,
    private readonly reads: ReadPool,
    private readonly seeds: OptionSeeds,
    private readonly clock: Clock,
  ) {}

  async state(userId: string, enrolmentId: string): Promise<JourneyStateDto> {
    // Hot path: a plain read. Only a journey that does not exist yet, or a completed one whose follow-up may have
    // opened, needs the locked write below.
    const [row] = await this.reads.rows<{ journey: PersistedJourney | null; course_version_id: string | null }>(
      `SELECT journey, course_version_id FROM enrolments WHERE id = $1 AND user_id = $2`,
      [enrolmentId, userId],
      'journey_read',
    );
    if (!row?.course_version_id) throw notFound('Enrolment');
    if (row.journey && journeyStage(row.journey.value) !== 'completed') return toState(enrolmentId, row.journey);
    // Content is read before the transaction: a transaction must never wait for a second pooled connection.
    const course = await this.catalog.publishedContent(row.course_version_id);
    return this.reads.transaction(async (m) => {
      const enrolment = await this.lock(m, userId, enrolmentId);
      let journey = enrolment.journey ?? startJourney(outlineOf(course, enrolment.course_version_id, enrolment.follow_up_days));
      // Nothing else opens the follow-up: a tick on read moves a completed journey on once its delay has passed.
      const tick = applyJourneyEvent(journey, { type: 'clock.tick', at: this.clock.now() });
      if (tick.accepted) journey = tick.snapshot;
      if (tick.accepted || !enrolment.journey) await m.query(SAVE_JOURNEY, journeyParams(enrolment.id, journey, null));
      return toState(enrolment.id, journey);
    });
  }

  /** Consent, with the learner's choice: evaluation use, or course only. Stored with the consent text's version. */
  consent(userId: string, enrolmentId: string, key: string, evaluationUse: boolean) {
    return this.submit(userId, enrolmentId, key, { action: 'consent', evaluationUse }, 'es', async (tx) => {
      tx.apply({ type: 'consent.given', at: tx.at });
      await recordConsent(tx, 'given', evaluationUse);
      return {};
    });
  }

  /** A consented learner changes the choice at any time; it applies to every report and export made from then on. */
  changeEvaluationUse(userId: string, enrolmentId: string, key: string, evaluationUse: boolean) {
    return this.submit(userId, enrolmentId, key, { action: 'evaluation-use', evaluationUse }, 'es', async (tx) => {
      if (journeyStage(tx.journey.value) === 'withdrawn') throw new AppException(409, 'WITHDRAWN', rejectionMessage('WITHDRAWN'));
      if (tx.journey.context.consentedAt === null) throw new AppException(409, 'EVENT_NOT_ALLOWED', 'Give your consent first: the choice is part of it.');
      await recordConsent(tx, 'changed', evaluationUse);
      return {};
    });
  }

  withdraw(userId: string, enrolmentId: string, key: string) {
    return this.submit(userId, enrolmentId, key, { action: 'withdraw' }, 'es', async (tx) => {
      tx.apply({ type: 'consent.withdrawn', at: tx.at });
      await tx.m.query(`UPDATE enrolments SET consent_withdrawn_at = now() WHERE id = $1`, [tx.enrolment.id]);
      await tx.m.query(
        `INSERT INTO consent_records (enrolment_id, action, consent_version, evaluation_use) VALUES ($1, 'withdrawn', $2, NULL)`,
        [tx.enrolment.id, tx.course.consent.version],
      );
      return {};
    });
  }

  completeLesson(userId: string, enrolmentId: string, lessonKey: string, key: string) {
    return this.submit(userId, enrolmentId, key, { action: 'lesson', lessonKey }, 'es', async (tx) => {
      const module = tx.course.modules.find((mod) => mod.lessons.some((l) => l.key === lessonKey));
      if (!module) throw notFound('Lesson');
      tx.apply({ type: 'lesson.completed', moduleKey: module.key, lessonKey, at: tx.at });
      return {};
    });
  }

  submitAssessment(userId: string, enrolmentId: string, wave: 'pre' | 'post', part: 'knowledge' | 'attitude' | 'then', answers: unknown, key: string, locale: Locale) {
    if (wave === 'pre' && part === 'then') throw notFound('Assessment');
    return this.submit(userId, enrolmentId, key, { action: 'assessment', wave, part, answers }, locale, async (tx) => {
      const event: JourneyEvent = wave === 'pre' ? { type: 'pre.submitted', part: part as 'knowledge' | 'attitude', at: tx.at } : { type: 'post.submitted', part, at: tx.at };
      // The machine decides first; answers are stored only for a step it accepts.
      tx.apply(event);
      if (part === 'knowledge') {
        const grade = await this.storeKnowledge(tx, wave, answers);
        await this.clearDraft(tx, `${wave}-knowledge`);
        // The pre-test shows no answers (it would teach the post-test); the post-test explains every item.
        return { grade: wave === 'post' ? grade : { ...grade, questions: [] } };
      }
      await this.storeAttitude(tx, part === 'then' ? 'then' : wave, answers, { requireAll: false });
      await this.clearDraft(tx, `${wave}-${part}`);
      return {};
    });
  }

  submitFollowUp(userId: string, enrolmentId: string, knowledge: unknown, attitude: unknown, key: string, locale: Locale) {
    return this.submit(userId, enrolmentId, key, { action: 'followup', knowledge, attitude }, locale, async (tx) => {
      tx.apply({ type: 'followup.submitted', at: tx.at });
      const grade = await this.storeKnowledge(tx, 'followup', knowledge);
      await this.storeAttitude(tx, 'followup', attitude, { requireAll: false });
      await this.clearDraft(tx, 'followup-knowledge');
      await this.clearDraft(tx, 'followup-attitude');
      return { grade };
    });
  }

  submitQuiz(userId: string, enrolmentId: string, moduleKey: string, answers: unknown, key: string, locale: Locale) {
    return this.submit(userId, enrolmentId, key, { action: 'quiz', moduleKey, answers }, locale, async (tx) => {
      const module = tx.course.modules.find((mod) => mod.key === moduleKey);
      if (!module) throw notFound('Module');
      const problems = validateAnswers(module.quiz.questions, answers);
      if (problems.length) throw problemsError(problems);
      const grade = gradeQuiz(module.quiz, answers as Answers, tx.locale);
      tx.apply({ type: 'quiz.graded', moduleKey, passed: grade.passed, score: grade.score, at: tx.at });
      await this.insertAttempt(
        tx,
        { kind: 'quiz', moduleKey, targetKey: module.quiz.key, score: grade.score, passed: grade.passed, result: { correctCount: grade.correctCount }, seedDraft: `quiz-${moduleKey}` },
        grade.perQuestion.map((q) => ({ itemKey: q.questionKey, value: q.selectedOptionKeys, correct: q.correct })),
      );
      await this.clearDraft(tx, `quiz-${moduleKey}`);
      const progress = describeJourney(tx.journey).modules.find((mod) => mod.key === moduleKey);
      return { grade: quizFeedback(grade, progress?.quiz.attemptsLeft ?? 0) };
    });
  }

  async scenarioRun(userId: string, enrolmentId: string, scenarioKey: string, locale: Locale): Promise<ScenarioRunDto> {
    const course = await this.catalog.publishedContent(await this.pinnedVersion(userId, enrolmentId));
    if (!course.scenarios.some((s) => s.key === scenarioKey)) throw notFound('Scenario');
    const seed = await this.seeds.forScenario(enrolmentId, scenarioKey);
    const [run] = await this.db.query(`SELECT choices FROM scenario_runs WHERE enrolment_id = $1 AND scenario_key = $2`, [enrolmentId, scenarioKey]);
    return describeRun(course, scenarioKey, (run?.choices as string[]) ?? [], locale, seed);
  }

  /** One decision at a time; the run is kept on the server so a reload or another device resumes where it was. */
  chooseInScenario(userId: string, enrolmentId: string, scenarioKey: string, nodeKey: string, choiceKey: string, key: string, locale: Locale): Promise<ScenarioChoiceResultDto> {
    return this.submit(userId, enrolmentId, key, { action: 'scenario', scenarioKey, nodeKey, choiceKey }, locale, async (tx) => {
      const module = tx.course.modules.find((mod) => mod.scenario === scenarioKey);
      const scenario = tx.course.scenarios.find((s) => s.key === scenarioKey);
      if (!module || !scenario) throw notFound('Scenario');
      // Ask the machine, without committing anything, whether finishing this scenario would be allowed now.
      const probe = applyJourneyEvent(tx.journey, { type: 'scenario.finished', moduleKey: module.key, scenarioKey, outcome: 'good', at: tx.at });
      if (!probe.accepted) throw new AppException(409, probe.reason as ErrorCode, rejectionMessage(probe.reason));
      const seed = await this.seeds.forScenario(tx.enrolment.id, scenarioKey, tx.m);
      const [run] = await tx.m.query(`SELECT choices, finished_at FROM scenario_runs WHERE enrolment_id = $1 AND scenario_key = $2 FOR UPDATE`, [tx.enrolment.id, scenarioKey]);
      const previous: string[] = run?.choices ?? [];
      const before = walkScenario(scenario, previous, tx.locale);
      const current = before.path[before.path.length - 1];
      if (before.complete || current !== nodeKey) {
        throw new AppException(409, 'SCENARIO_STEP_MISMATCH', `This decision was already made (the scenario is now at "${current}"). Reload to continue.`);
      }
      const walk = walkScenario(scenario, [...previous, choiceKey], tx.locale);
      if (!walk.valid) throw problemsError(walk.problems.map((p) => ({ ...p, path: 'choiceKey' })));
      const choices = [...previous, choiceKey];
      await tx.m.query(
        `INSERT INTO scenario_runs (enrolment_id, scenario_key, choices, finished_at, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (enrolment_id, scenario_key) DO UPDATE SET choices = excluded.choices, finished_at = excluded.finished_at, updated_at = now()`,
        [tx.enrolment.id, scenarioKey, JSON.stringify(choices), walk.complete ? new Date(tx.at) : null],
      );
      if (walk.complete && walk.ending) {
        tx.apply({ type: 'scenario.finished', moduleKey: module.key, scenarioKey, outcome: walk.ending.outcome, at: tx.at });
        await this.insertAttempt(
          tx,
          { kind: 'scenario', moduleKey: module.key, targetKey: scenarioKey, score: walk.score, outcome: walk.ending.outcome, result: { maxScore: walk.maxScore, path: walk.path, ending: walk.ending.key, critical: walk.critical }, optionSeed: seed },
          walk.steps.map((s) => ({ itemKey: s.nodeKey, value: s.choiceKey, correct: null })),
        );
      }
      return describeRun(tx.course, scenarioKey, choices, tx.locale, seed);
    }) as Promise<ScenarioChoiceResultDto>;
  }

  async getDraft(userId: string, enrolmentId: string, target: string): Promise<DraftDto> {
    await this.requireOwn(userId, enrolmentId);
    const [row] = await this.db.query(`SELECT answers, updated_at FROM answer_drafts WHERE enrolment_id = $1 AND target = $2`, [enrolmentId, target]);
    // A row with no answers only holds the attempt's option order (drawn when the quiz or test was opened).
    const answers = row?.answers ?? {};
    return { answers, updatedAt: Object.keys(answers).length ? row.updated_at.toISOString() : null };
  }

  /** Autosave of in-progress answers: last write wins; validated for real only when submitted. */
  async saveDraft(userId: string, enrolmentId: string, target: string, answers: Record<string, unknown>): Promise<DraftDto> {
    await this.requireOwn(userId, enrolmentId);
    if (Object.keys(answers).length > 200) throw new AppException(400, 'VALIDATION_FAILED', 'answers: too many entries.');
    // A draft holds only answer-shaped values (option keys or a 1–5 rating), so nothing odd is ever stored.
    for (const [itemKey, value] of Object.entries(answers)) {
      const optionKeys = Array.isArray(value) && value.length <= 20 && value.every((v) => typeof v === 'string' && /^[a-z0-9][a-z0-9.-]{0,39}$/.test(v));
      const rating = Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;
      if (!/^[a-z0-9][a-z0-9.-]{0,79}$/.test(itemKey) || !(optionKeys || rating)) {
        throw new AppException(400, 'VALIDATION_FAILED', `answers.${itemKey.slice(0, 80)}: must be a list of option keys or a rating from 1 to 5.`);
      }
    }
    const [row] = await this.db.query(
      `INSERT INTO answer_drafts (enrolment_id, target, answers) VALUES ($1, $2, $3)
       ON CONFLICT (enrolment_id, target) DO UPDATE SET answers = excluded.answers, updated_at = now() RETURNING updated_at`,
      [enrolmentId, target, JSON.stringify(answers)],
    );
    return { answers, updatedAt: row.updated_at.toISOString() };
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────────────────────

  private async submit<T extends object>(
    userId: string, enrolmentId: string, idempotencyKey: string, request: unknown, locale: Locale, work: (tx: Tx) => Promise<T>,
  ): Promise<T & SubmissionResultDto> {
    const hash = requestHash(request);
    // The pinned version never changes, so its content is fetched before the transaction opens: a transaction that
    // waited for a second pooled connection could deadlock the pool under load.
    const course = await this.catalog.publishedContent(await this.pinnedVersion(userId, enrolmentId));
    return this.reads.transaction(async (m) => {
      const enrolment = await this.lock(m, userId, enrolmentId);
      // A separate statement after the lock, on purpose: a statement that waited for the row lock still reads other
      // tables as of its start, so a ledger entry committed by the transaction we waited for would be missed.
      const [seen] = await m.query(`SELECT request_hash, response FROM idempotency_keys WHERE enrolment_id = $1 AND key = $2`, [enrolment.id, idempotencyKey]);
      if (seen) {
        if (seen.request_hash !== hash) throw new AppException(409, 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey: this key was already used for a different submission.');
        return seen.response;
      }
      if (enrolment.status !== 'active') throw new AppException(409, 'ENROLMENT_CLOSED', 'You were removed from this cohort; your record is kept but no new answers are accepted.');
      const tx: Tx = {
        m, enrolment, course, locale, at: this.clock.now(), clearDrafts: [],
        journey: enrolment.journey ?? startJourney(outlineOf(course, enrolment.course_version_id, enrolment.follow_up_days)),
        apply(event) {
          const result = applyJourneyEvent(tx.journey, event);
          if (!result.accepted) throw new AppException(409, result.reason as ErrorCode, rejectionMessage(result.reason));
          tx.journey = result.snapshot;
        },
      };
      const extra = await work(tx);
      const view = describeJourney(tx.journey);
      if (view.certificateAvailable) await this.issueCertificate(m, enrolment, course, view.completedAt!);
      const response = { ...extra, journey: toState(enrolment.id, tx.journey, view) };
      // One round trip for the rest: drafts cleared, snapshot saved, answer remembered under its idempotency key.
      await m.query(
        `WITH drafts AS (DELETE FROM answer_drafts WHERE enrolment_id = $1 AND target = ANY($7::text[])),
              saved AS (${SAVE_JOURNEY})
         INSERT INTO idempotency_keys (enrolment_id, key, request_hash, status_code, response) VALUES ($1, $8, $9, 200, $10)`,
        [...journeyParams(enrolment.id, tx.journey, tx.at, view), tx.clearDrafts, idempotencyKey, hash, JSON.stringify(response)],
      );
      return response;
    });
  }

  /** Enrolment → pinned course version, remembered: a pinned version never changes. Ownership is checked again under lock. */
  private readonly versions = new Map<string, string>();
  private async pinnedVersion(userId: string, enrolmentId: string): Promise<string> {
    const known = this.versions.get(`${userId}:${enrolmentId}`);
    if (known) return known;
    const [row] = await this.reads.rows<{ course_version_id: string | null }>(
      `SELECT course_version_id FROM enrolments WHERE id = $1 AND user_id = $2`, [enrolmentId, userId], 'enrolment_version',
    );
    if (!row?.course_version_id) throw notFound('Enrolment');
    if (this.versions.size > 100_000) this.versions.clear();
    this.versions.set(`${userId}:${enrolmentId}`, row.course_version_id);
    return row.course_version_id;
  }

  private async lock(m: SqlClient, userId: string, enrolmentId: string): Promise<EnrolmentRow> {
    const [row] = await m.query(
      `SELECT e.id, e.status, e.course_version_id, e.journey, c.follow_up_days, u.display_name
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN users u ON u.id = e.user_id
        WHERE e.id = $1 AND e.user_id = $2 FOR UPDATE OF e`,
      [enrolmentId, userId],
    );
    if (!row || !row.course_version_id) throw notFound('Enrolment');
    return row;
  }

  private async requireOwn(userId: string, enrolmentId: string): Promise<void> {
    const [row] = await this.db.query(`SELECT 1 FROM enrolments WHERE id = $1 AND user_id = $2`, [enrolmentId, userId]);
    if (!row) throw notFound('Enrolment');
  }

  private async storeKnowledge(tx: Tx, wave: 'pre' | 'post' | 'followup', answers: unknown): Promise<GradeFeedbackDto> {
    const items = tx.course.knowledgeTest.items;
    const problems = validateAnswers(items, answers);
    if (problems.length) throw problemsError(problems);
    const grade = gradeKnowledgeTest(tx.course.knowledgeTest, answers as Answers);
    const graded = items.map((item) => gradeQuestion(item, (answers as Answers)[item.key] ?? [], tx.locale));
    await this.insertAttempt(
      tx,
      { kind: 'knowledge', wave, targetKey: tx.course.knowledgeTest.key, score: grade.percent, result: { perModule: grade.perModule, answeredCount: grade.answeredCount }, seedDraft: `${wave}-knowledge` },
      graded.filter((g) => g.answered).map((g) => ({ itemKey: g.questionKey, value: g.selectedOptionKeys, correct: g.correct })),
      graded.map((g) => (g.answered ? Number(g.correct) : null)),
      // Which options were chosen (bit i = the item's i-th option), for the trainer's distractor analysis.
      items.map((item, i) => (graded[i]!.answered ? item.options.reduce((mask, o, bit) => (graded[i]!.selectedOptionKeys.includes(o.key) ? mask | (1 << bit) : mask), 0) : null)),
    );
    return {
      percent: Math.round(grade.percent * 10) / 10,
      correctCount: grade.correctCount,
      questionCount: grade.itemCount,
      questions: graded.map((g) => questionFeedback(g, true)),
    };
  }

  /** Attitude answers are sensitive: stored as given, never graded, never shown back with a "right" answer. */
  private async storeAttitude(tx: Tx, wave: 'pre' | 'post' | 'then' | 'followup', answers: unknown, options: { requireAll: boolean }): Promise<void> {
    const problems = validateLikertAnswers(tx.course.attitudeInstrument, answers, options);
    if (problems.length) throw problemsError(problems);
    const entries = Object.entries(answers as Record<string, number>);
    if (entries.length === 0) throw new AppException(400, 'VALIDATION_FAILED', 'answers: answer at least one statement.');
    await this.insertAttempt(
      tx,
      { kind: 'attitude', wave, targetKey: tx.course.attitudeInstrument.key, result: { answeredCount: entries.length } },
      entries.map(([itemKey, value]) => ({ itemKey, value, correct: null })),
      tx.course.attitudeInstrument.items.map((i) => (answers as Record<string, number>)[i.key] ?? null),
    );
  }

  /**
   * The attempt and all its item responses in one statement (no per-item, no second round trip). Assessments also
   * carry their answers as a vector in the version's item order (what reports read; see the answer-vectors migration).
   */
  private async insertAttempt(
    tx: Tx,
    a: { kind: string; wave?: string | null; moduleKey?: string | null; targetKey: string; score?: number | null; passed?: boolean | null; outcome?: string | null; result: unknown;
      /** The option order the learner saw: a scenario's seed, or else the one on the draft `seedDraft` (see OptionSeeds). */
      optionSeed?: number; seedDraft?: string },
    rows: { itemKey: string; value: unknown; correct: boolean | null }[],
    answerVector: (number | null)[] | null = null,
    choiceVector: (number | null)[] | null = null,
  ): Promise<void> {
    await tx.m.query(
      `WITH a AS (
         INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, module_key, target_key, score, passed, outcome, result, answer_vector, option_seed, choice_vector)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12::smallint[],
           coalesce($13::integer, (SELECT option_seed FROM answer_drafts WHERE enrolment_id = $1 AND target = $14::text)), $15::integer[]) RETURNING id)
       INSERT INTO responses (attempt_id, item_key, value, correct)
       SELECT a.id, r.item_key, r.value, r.correct FROM a, jsonb_to_recordset($11::jsonb) AS r(item_key text, value jsonb, correct boolean)`,
      [
        tx.enrolment.id, tx.enrolment.course_version_id, a.kind, a.wave ?? null, a.moduleKey ?? null, a.targetKey, a.score ?? null, a.passed ?? null,
        a.outcome ?? null, JSON.stringify(a.result), JSON.stringify(rows.map((r) => ({ item_key: r.itemKey, value: r.value, correct: r.correct }))),
        answerVector, a.optionSeed ?? null, a.seedDraft ?? null, choiceVector,
      ],
    );
  }

  private async clearDraft(tx: Tx, target: string): Promise<void> {
    tx.clearDrafts.push(target);
  }

  private async issueCertificate(m: SqlClient, enrolment: EnrolmentRow, course: Course, completedAt: number): Promise<void> {
    const code = newCertificateCode();
    const [version] = await m.query(`SELECT version FROM course_versions WHERE id = $1`, [enrolment.course_version_id]);
    await m.query(
      `INSERT INTO certificates (enrolment_id, code, learner_name, course_title, course_version, hours, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (enrolment_id) DO NOTHING`,
      [enrolment.id, code, enrolment.display_name, JSON.stringify(course.title), version.version, course.hours, new Date(completedAt)],
    );
  }
}

/** Stores the snapshot with the columns the trainer roster reads ($1–$6, see journeyParams). */
const SAVE_JOURNEY = `UPDATE enrolments SET journey = $2, stage = $3, percent_complete = $4,
  last_activity_at = coalesce($5, last_activity_at), completed_at = $6 WHERE id = $1`;

function journeyParams(enrolmentId: string, journey: PersistedJourney, at: number | null, view: JourneyView = describeJourney(journey)): unknown[] {
  return [enrolmentId, JSON.stringify(journey), view.stage, view.percentComplete, at === null ? null : new Date(at), view.completedAt === null ? null : new Date(view.completedAt)];
}

function toState(enrolmentId: string, journey: PersistedJourney, view: JourneyView = describeJourney(journey)): JourneyStateDto {
  return { enrolmentId, courseVersionId: view.courseVersionId, stage: view.stage, percentComplete: view.percentComplete, snapshot: journey as unknown as Record<string, unknown> };
}

/** 12 unambiguous characters in three groups: easy to read aloud or type from paper, infeasible to guess. */
const newCertificateCode = () => readableCode([4, 4, 4]);
