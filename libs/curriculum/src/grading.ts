// Server-side grading. The client sends answers, never scores; these functions are the only judge.
// Inputs from the network are `unknown` in the validate* functions: run them first and answer 400 on problems.
import { knowledgePercent } from '#evaluation';
import type { AttitudeInstrument, KnowledgeTest, Locale, Question, Quiz, Scenario } from './course-schema.js';
import { localize } from './learner-view.js';
import { formatPath, type Problem } from './problems.js';
import { resolveEnding } from './scenario-endings.js';
import { nodeMap, scenarioMaxScore } from './scenario-graph.js';

/** Answers as sent by the client: question key → selected option keys (missing or [] = unanswered). */
export type Answers = Readonly<Record<string, readonly string[] | undefined>>;

export interface OptionFeedback {
  optionKey: string;
  correct: boolean;
  feedback: string;
}

export interface GradedQuestion {
  questionKey: string;
  answered: boolean;
  correct: boolean;
  selectedOptionKeys: string[];
  correctOptionKeys: string[];
  /** Feedback for each selected option that exists in the question. */
  feedback: OptionFeedback[];
  /** Why each correct option is right (its feedback): for when the answers may be revealed. */
  explanations: OptionFeedback[];
}

// Own properties only: a key such as "__proto__" or "toString" must never look like an answer.
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export function gradeQuestion(question: Question, selectedOptionKeys: readonly string[], locale: Locale = 'es'): GradedQuestion {
  const selected = [...new Set(selectedOptionKeys)];
  const correctOptionKeys = question.options.filter((option) => option.correct).map((option) => option.key);
  const correctSet = new Set(correctOptionKeys);
  // single/trueFalse have exactly one correct option, so "same set" also means "that one option and nothing else".
  const correct = selected.length === correctSet.size && selected.every((key) => correctSet.has(key));
  const feedback = selected.flatMap((key) => {
    const option = question.options.find((candidate) => candidate.key === key);
    return option ? [{ optionKey: option.key, correct: option.correct, feedback: localize(option.feedback, locale) }] : [];
  });
  const explanations = question.options.filter((option) => option.correct).map((option) => ({ optionKey: option.key, correct: true, feedback: localize(option.feedback, locale) }));
  return { questionKey: question.key, answered: selected.length > 0, correct, selectedOptionKeys: selected, correctOptionKeys, feedback, explanations };
}

export interface QuizGrade {
  quizKey: string;
  /** Share of questions answered correctly, 0..1; unanswered counts as wrong. */
  score: number;
  correctCount: number;
  questionCount: number;
  passed: boolean;
  perQuestion: GradedQuestion[];
}

// 4/5 and 0.8 are equal on paper; keep binary floating point from failing a learner by 1e-16.
const EPSILON = 1e-9;

export function gradeQuiz(quiz: Quiz, answers: Answers, locale: Locale = 'es'): QuizGrade {
  const perQuestion = quiz.questions.map((question) => gradeQuestion(question, own(answers, question.key) ?? [], locale));
  const correctCount = perQuestion.filter((graded) => graded.correct).length;
  const score = quiz.questions.length === 0 ? 0 : correctCount / quiz.questions.length;
  return { quizKey: quiz.key, score, correctCount, questionCount: quiz.questions.length, passed: score + EPSILON >= quiz.passMark, perQuestion };
}

export interface KnowledgeTestGrade {
  testKey: string;
  /** Percent correct over all items, 0..100; unanswered counts as wrong. */
  percent: number;
  correctCount: number;
  answeredCount: number;
  itemCount: number;
  perItem: { itemKey: string; module: string; answered: boolean; correct: boolean }[];
  perModule: { module: string; correct: number; total: number }[];
}

// No option feedback here on purpose: the same items come back in the post-test, and feedback after the
// pre-test would measure memory of the answer key rather than learning. Use gradeQuestion if a view needs it.
export function gradeKnowledgeTest(test: KnowledgeTest, answers: Answers): KnowledgeTestGrade {
  return summariseKnowledgeTest(test, gradeKnowledgeItems(test, answers));
}

/** Every item of the test graded with gradeQuestion, in the test's order (with feedback: show it only when allowed). */
export function gradeKnowledgeItems(test: KnowledgeTest, answers: Answers, locale: Locale = 'es'): GradedQuestion[] {
  return test.items.map((item) => gradeQuestion(item, own(answers, item.key) ?? [], locale));
}

/** The test's grade from its items already graded with gradeQuestion (in the test's item order): each item graded once. */
export function summariseKnowledgeTest(test: KnowledgeTest, graded: readonly GradedQuestion[]): KnowledgeTestGrade {
  const perItem = test.items.map((item, i) => ({ itemKey: item.key, module: item.module, answered: graded[i]!.answered, correct: graded[i]!.correct }));
  const perModule = new Map<string, { module: string; correct: number; total: number }>();
  for (const item of perItem) {
    const entry = perModule.get(item.module) ?? { module: item.module, correct: 0, total: 0 };
    entry.total += 1;
    if (item.correct) entry.correct += 1;
    perModule.set(item.module, entry);
  }
  const correctCount = perItem.filter((item) => item.correct).length;
  return {
    testKey: test.key,
    // The scoring rule lives in libs/evaluation (unanswered counts as wrong); a test always has items.
    percent: knowledgePercent(perItem.map((item) => item.correct)) ?? 0,
    correctCount,
    answeredCount: perItem.filter((item) => item.answered).length,
    itemCount: perItem.length,
    perItem,
    perModule: [...perModule.values()],
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems with untrusted choice answers (question key → option keys). Empty list = safe to grade. */
export function validateAnswers(items: readonly Question[], answers: unknown): Problem[] {
  if (!isRecord(answers)) return [{ path: 'answers', message: 'answers must be an object mapping question keys to lists of option keys' }];
  const byKey = new Map(items.map((item) => [item.key, item] as const));
  const problems: Problem[] = [];
  for (const [questionKey, value] of Object.entries(answers)) {
    const at = formatPath(['answers', questionKey]);
    const question = byKey.get(questionKey);
    if (!question) {
      problems.push({ path: at, message: `"${questionKey}" is not a question of this quiz or test` });
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push({ path: at, message: 'must be a list of option keys (use [] for no answer)' });
      continue;
    }
    const optionKeys = new Set(question.options.map((option) => option.key));
    const seen = new Set<string>();
    value.forEach((optionKey: unknown, index) => {
      const optionAt = `${at}[${index}]`;
      if (typeof optionKey !== 'string') problems.push({ path: optionAt, message: 'must be an option key (text)' });
      else if (!optionKeys.has(optionKey)) problems.push({ path: optionAt, message: `"${optionKey}" is not an option of question "${questionKey}"` });
      else if (seen.has(optionKey)) problems.push({ path: optionAt, message: `option "${optionKey}" is selected twice` });
      else seen.add(optionKey);
    });
    if (question.type !== 'multiple' && value.length > 1) {
      problems.push({ path: at, message: `question "${questionKey}" takes one option; ${value.length} were sent` });
    }
  }
  return problems;
}

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;

/** Problems with untrusted Likert answers (item key → 1..5). Missing items are allowed unless requireAll. */
export function validateLikertAnswers(instrument: AttitudeInstrument, answers: unknown, options: { requireAll?: boolean } = {}): Problem[] {
  if (!isRecord(answers)) return [{ path: 'answers', message: 'answers must be an object mapping item keys to numbers from 1 to 5' }];
  const itemKeys = new Set(instrument.items.map((item) => item.key));
  const problems: Problem[] = [];
  for (const [itemKey, value] of Object.entries(answers)) {
    const at = formatPath(['answers', itemKey]);
    if (!itemKeys.has(itemKey)) problems.push({ path: at, message: `"${itemKey}" is not an item of this questionnaire` });
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX) {
      problems.push({ path: at, message: `must be a whole number from ${LIKERT_MIN} to ${LIKERT_MAX}` });
    }
  }
  if (options.requireAll) {
    for (const key of itemKeys) if (!Object.hasOwn(answers, key)) problems.push({ path: formatPath(['answers', key]), message: 'is required' });
  }
  return problems;
}

export interface ScenarioStep {
  nodeKey: string;
  choiceKey: string;
  points: number;
  /** A critical error (see course-schema's ScenarioChoice). */
  critical: boolean;
  feedback: string;
}

export interface ScenarioWalk {
  /** Every choice was a real choice of the node the learner stood on. */
  valid: boolean;
  /** The walk reached an ending. */
  complete: boolean;
  problems: Problem[];
  /** Node keys visited, from start to the last node reached (an ending chosen from the path is not a node). */
  path: string[];
  score: number;
  /** At least one critical error on the path. */
  critical: boolean;
  /** Points on the best path from start, for "you earned 6 of 10". */
  maxScore: number;
  ending: { key: string; outcome: 'good' | 'mixed' | 'poor'; summary: string } | null;
  steps: ScenarioStep[];
}

/** Replays the learner's choices from start; stops at the first choice that is not possible. */
export function walkScenario(scenario: Scenario, choiceKeys: readonly string[], locale: Locale = 'es'): ScenarioWalk {
  const nodes = nodeMap(scenario);
  const problems: Problem[] = [];
  const path: string[] = [];
  const steps: ScenarioStep[] = [];
  let score = 0;
  let critical = false;
  let ended = false;
  const maxScore = scenarioMaxScore(scenario) ?? 0;
  let current = nodes.get(scenario.start);
  if (current) path.push(current.key);
  else problems.push({ path: 'start', message: `start node "${scenario.start}" does not exist` });

  for (let index = 0; index < choiceKeys.length && current; index++) {
    const choiceKey: unknown = choiceKeys[index];
    const at = `choices[${index}]`;
    if (current.kind === 'ending' || ended) {
      problems.push({ path: at, message: `the scenario already ended at "${current.key}"; no more choices are possible` });
      break;
    }
    const choice = typeof choiceKey === 'string' ? current.choices.find((candidate) => candidate.key === choiceKey) : undefined;
    if (!choice) {
      problems.push({ path: at, message: `${JSON.stringify(choiceKey)} is not a choice of node "${current.key}"` });
      break;
    }
    steps.push({ nodeKey: current.key, choiceKey: choice.key, points: choice.points, critical: choice.critical === true, feedback: localize(choice.feedback, locale) });
    score += choice.points;
    critical ||= choice.critical === true;
    if (choice.next === undefined) {
      // The case ends here; its ending follows from the whole path (scenario-endings.ts).
      ended = true;
      continue;
    }
    current = nodes.get(choice.next);
    if (!current) {
      problems.push({ path: at, message: `choice "${choice.key}" leads to missing node "${choice.next}"` });
      break;
    }
    path.push(current.key);
  }

  const chosen = ended ? resolveEnding(scenario, score, maxScore, critical) : current?.kind === 'ending' ? current : null;
  if (ended && !chosen) problems.push({ path: 'endings', message: `no ending matches this path (score ${score} of ${maxScore})` });
  const ending = chosen ? { key: chosen.key, outcome: chosen.outcome, summary: localize(chosen.summary, locale) } : null;
  return {
    valid: problems.length === 0,
    complete: problems.length === 0 && ending !== null,
    problems,
    path,
    score,
    critical,
    maxScore,
    ending,
    steps,
  };
}
