import { Injectable } from '@nestjs/common';
import { type Answers, type Course, gradeKnowledgeItems, summariseKnowledgeTest, validateAnswers, validateLikertAnswers, validatePracticeAnswers } from '#curriculum';
import { AppException } from '../common/app-exception.js';
import type { GradeFeedbackDto } from './journey.dto.js';
import { questionFeedback } from './grade-feedback.js';
import { problemsError, type Tx } from './submission.service.js';

/** What one attempt row holds besides its responses. */
export interface AttemptRecord {
  kind: string;
  wave?: string | null;
  moduleKey?: string | null;
  targetKey: string;
  score?: number | null;
  passed?: boolean | null;
  outcome?: string | null;
  result: unknown;
  /** The option order the learner saw: a scenario's seed, or else the one on the draft `seedDraft` (see OptionSeeds). */
  optionSeed?: number;
  seedDraft?: string;
}

export interface ResponseRecord {
  itemKey: string;
  value: unknown;
  correct: boolean | null;
}

/** Validates, grades and stores answers as attempts with their responses, inside a submission's transaction. */
@Injectable()
export class AttemptStore {
  /** Each item is graded once; the test's score and per-module breakdown are derived from those grades. */
  /** The waitlist's first baseline is stored as wave 'baseline' but shown and drafted as the pre-test ('pre-knowledge'). */
  async knowledge(tx: Tx, wave: 'baseline' | 'pre' | 'post' | 'followup', answers: unknown): Promise<GradeFeedbackDto> {
    const test = tx.course.knowledgeTest;
    const problems = validateAnswers(test.items, answers);
    if (problems.length) throw problemsError(problems);
    const graded = gradeKnowledgeItems(test, answers as Answers, tx.locale);
    const grade = summariseKnowledgeTest(test, graded);
    this.insert(
      tx,
      { kind: 'knowledge', wave, targetKey: test.key, score: grade.percent, result: { perModule: grade.perModule, answeredCount: grade.answeredCount }, seedDraft: `${wave === 'baseline' ? 'pre' : wave}-knowledge` },
      [], // the vectors hold every answer (see answersFromVectors)
      graded.map((g) => (g.answered ? Number(g.correct) : null)),
      // Which options were chosen (bit i = the item's i-th option), for the trainer's distractor analysis.
      test.items.map((item, i) => (graded[i]!.answered ? item.options.reduce((mask, o, bit) => (graded[i]!.selectedOptionKeys.includes(o.key) ? mask | (1 << bit) : mask), 0) : null)),
    );
    return {
      percent: Math.round(grade.percent * 10) / 10,
      correctCount: grade.correctCount,
      questionCount: grade.itemCount,
      questions: graded.map((g) => questionFeedback(g, true)),
    };
  }

  /** Attitude answers are sensitive: stored as given, never graded, never shown back with a "right" answer. */
  async attitude(tx: Tx, wave: 'baseline' | 'pre' | 'post' | 'then' | 'followup', answers: unknown, options: { requireAll: boolean }): Promise<void> {
    const problems = validateLikertAnswers(tx.course.attitudeInstrument, answers, options);
    if (problems.length) throw problemsError(problems);
    const entries = Object.entries(answers as Record<string, number>);
    if (entries.length === 0) throw new AppException(400, 'VALIDATION_FAILED', 'answers: answer at least one statement.');
    this.insert(
      tx,
      { kind: 'attitude', wave, targetKey: tx.course.attitudeInstrument.key, result: { answeredCount: entries.length } },
      [], // the vector holds every answer (see answersFromVectors)
      tx.course.attitudeInstrument.items.map((i) => (answers as Record<string, number>)[i.key] ?? null),
    );
  }

  /**
   * The behaviour follow-up: self-report, stored as given (one option key per item; skipped items absent). Its vector
   * holds each answer's 1-based option position in the version's item order. Nothing answered: nothing stored.
   */
  async practice(tx: Tx, answers: unknown): Promise<void> {
    const q = tx.course.practiceQuestionnaire;
    if (!q) {
      if (typeof answers === 'object' && answers !== null && Object.keys(answers).length === 0) return;
      throw new AppException(400, 'VALIDATION_FAILED', 'practice: this course version has no practice questionnaire.');
    }
    const problems = validatePracticeAnswers(q, answers);
    if (problems.length) throw problemsError(problems);
    const chosen = answers as Record<string, string>;
    const entries = Object.entries(chosen);
    if (entries.length === 0) return;
    this.insert(
      tx,
      { kind: 'practice', wave: 'followup', targetKey: q.key, result: { answeredCount: entries.length } },
      entries.map(([itemKey, value]) => ({ itemKey, value, correct: null })),
      q.items.map((item) => (Object.hasOwn(chosen, item.key) ? item.options.findIndex((o) => o.key === chosen[item.key]) + 1 : null)),
    );
  }

  /**
   * The attempt and its item responses (`rows`), folded into the submission's final statement (no round trip of its
   * own). Assessments carry their answers as vectors in the version's item order instead (what reports read; see the
   * answer-vectors migration and answersFromVectors): a row per item, with its index entry and foreign-key check,
   * measured as a quarter of a graded submission's final statement. Quizzes, scenarios and the practice questionnaire
   * keep rows. The draft's option order is read in the same statement that deletes the draft: every part of one
   * statement sees the rows as they were before it.
   */
  insert(
    tx: Tx,
    a: AttemptRecord,
    rows: ResponseRecord[],
    answerVector: (number | null)[] | null = null,
    choiceVector: (number | null)[] | null = null,
  ): void {
    const attempt = `INSERT INTO attempts (enrolment_id, course_version_id, kind, wave, module_key, target_key, score, passed, outcome, result, answer_vector, option_seed, choice_vector)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::smallint[],
           coalesce($12::integer, (SELECT option_seed FROM answer_drafts WHERE enrolment_id = $1 AND target = $13::text)), $14::integer[]) RETURNING id`;
    const params: unknown[] = [
      tx.enrolment.id, tx.enrolment.course_version_id, a.kind, a.wave ?? null, a.moduleKey ?? null, a.targetKey, a.score ?? null, a.passed ?? null,
      a.outcome ?? null, JSON.stringify(a.result), answerVector, a.optionSeed ?? null, a.seedDraft ?? null, choiceVector,
    ];
    if (!rows.length) {
      tx.deferred.push({ ctes: [attempt], params });
      return;
    }
    // A statement may not carry a parameter it does not use: the rows' parameter only comes with their insert.
    params.push(JSON.stringify(rows.map((r) => ({ item_key: r.itemKey, value: r.value, correct: r.correct }))));
    tx.deferred.push({
      ctes: [attempt, `INSERT INTO responses (attempt_id, item_key, value, correct)
         SELECT $w0.id, r.item_key, r.value, r.correct FROM $w0, jsonb_to_recordset($15::jsonb) AS r(item_key text, value jsonb, correct boolean)`],
      params,
    });
  }
}

/**
 * An assessment attempt's answers as its vectors hold them (see AttemptStore.insert), in the version's item order;
 * skipped items absent. Knowledge: the options chosen (from the choice vector's bits) and whether the item was right;
 * attitude: the scale point. Null for other kinds, or an attempt without vectors.
 */
export function answersFromVectors(course: Course, kind: string, answerVector: (number | null)[] | null, choiceVector: (number | null)[] | null): ResponseRecord[] | null {
  if (!answerVector) return null;
  if (kind === 'knowledge') {
    return course.knowledgeTest.items.flatMap((item, i) => {
      const right = answerVector[i];
      if (right === null || right === undefined) return [];
      const mask = choiceVector?.[i] ?? null;
      const value = mask === null ? null : item.options.filter((_, bit) => (mask & (1 << bit)) !== 0).map((o) => o.key);
      return [{ itemKey: item.key, value, correct: right === 1 }];
    });
  }
  if (kind === 'attitude') {
    return course.attitudeInstrument.items.flatMap((item, i) => (answerVector[i] === null || answerVector[i] === undefined ? [] : [{ itemKey: item.key, value: answerVector[i], correct: null }]));
  }
  return null;
}
