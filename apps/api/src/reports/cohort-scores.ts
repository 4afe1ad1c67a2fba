import type { Course } from '#curriculum';
import { type AlphaMoments, AlphaMomentSums, type ItemDefinition, rekey, subscaleScoreAt } from '#evaluation';
import { type AnswerVectors, sharedArray, UNANSWERED, type Wave } from './answer-vectors.js';
import type { CohortAnswers } from './cohort-answers.js';

/** Per wave, one score per learner (CohortAnswers' learner order); NaN = no score. */
export type ScoreColumns = Record<Wave, Float64Array>;

/** An item's change over the learners who answered it at both pre and post. */
export interface PairedItemStat {
  n: number;
  /** Knowledge: share correct (unanswered = wrong); attitude: mean answer after re-keying. */
  pre: number | null;
  post: number | null;
}

export interface CohortScores {
  /** measure key ('knowledge' or a subscale) → scores per wave. */
  scores: Record<string, ScoreColumns>;
  /** Subscale → wave → sums over learners who answered every item of the subscale (re-keyed), for α. */
  alphaMoments: Record<string, Record<'pre' | 'post', AlphaMoments>>;
  /** Item key → pre/post over paired learners (knowledge: both tests taken and not empty; attitude: item answered twice). */
  pairedItems: Map<string, PairedItemStat>;
}

/** True when a knowledge test was taken but nothing was answered: missing, never 0 %. */
export function isEmptyTest(answers: Int8Array): boolean {
  for (let i = 0; i < answers.length; i++) if (answers[i] !== UNANSWERED) return false;
  return true;
}

/** What a scan reads of the report's course: item keys, options and keying (small enough to send to a worker thread). */
export interface ScanCourse {
  knowledgeTest: { items: readonly ItemDefinition[] };
  attitudeInstrument: { items: readonly { key: string; subscale: string; reverse: boolean }[]; subscales: readonly { key: string }[] };
}

export function scanCourseOf(course: Course): ScanCourse {
  return {
    knowledgeTest: { items: course.knowledgeTest.items.map((i) => ({ key: i.key, options: i.options.map((o) => ({ key: o.key, correct: o.correct })) })) },
    attitudeInstrument: {
      items: course.attitudeInstrument.items.map((i) => ({ key: i.key, subscale: i.subscale, reverse: i.reverse })),
      subscales: course.attitudeInstrument.subscales.map((s) => ({ key: s.key })),
    },
  };
}

/** Sums over learners with an item at both pre and post: n, Σpre, Σpost per item. */
interface PairSums {
  n: Float64Array;
  pre: Float64Array;
  post: Float64Array;
}

/**
 * What scoring some of the learners adds up besides their scores: α moments and paired item sums. Every term is an
 * integer (answers 0/1 or 1–5), so sums of parts scanned on different threads equal one scan's, bit for bit.
 */
export interface ScoringSums {
  alphaMoments: Record<string, Record<'pre' | 'post', AlphaMoments>>;
  knowledgePairs: PairSums;
  attitudePairs: PairSums;
}

/** Score columns for n learners, NaN until scored; in shared memory when worker threads fill them too. */
export function scoreColumns(course: ScanCourse, n: number, shared = false): Record<string, ScoreColumns> {
  const column = () => (shared ? sharedArray(Float64Array, n) : new Float64Array(n)).fill(Number.NaN);
  const columns = (): ScoreColumns => ({ pre: column(), post: column(), then: column(), followup: column() });
  return Object.fromEntries(['knowledge', ...course.attitudeInstrument.subscales.map((s) => s.key)].map((key) => [key, columns()]));
}

/**
 * Scores learners [from, to) with libs/evaluation's rules (re-keying, the 75 % rule; knowledge as graded at
 * submission, an empty test missing) into `scores`, and gathers in the same pass the sums for Cronbach's α and the
 * paired item sums. Columns of numbers and reused buffers rather than objects per learner: at 20,000 learners the
 * garbage collector was the largest cost.
 */
export function scoreRange(course: ScanCourse, vectors: AnswerVectors, scores: Record<string, ScoreColumns>, from: number, to: number): ScoringSums {
  const attitudeItems = course.attitudeInstrument.items;
  const subscales = course.attitudeInstrument.subscales.map((s) => {
    const indices = attitudeItems.flatMap((item, i) => (item.subscale === s.key ? [i] : []));
    const reverse = indices.map((i) => attitudeItems[i]!.reverse);
    return { key: s.key, indices: Int16Array.from(indices), reverse, rekeyed: new Array<number>(indices.length) };
  });
  const subscaleColumns = subscales.map((s) => scores[s.key]!);
  const alphaMoments = Object.fromEntries(subscales.map((s) => [s.key, { pre: new AlphaMomentSums(s.indices.length), post: new AlphaMomentSums(s.indices.length) }]));
  const knowledge = new PairedItemSums(course.knowledgeTest.items.length, (answer) => answer);
  const attitude = new PairedItemSums(attitudeItems.length, (answer, item) => rekey(answer, attitudeItems[item]!.reverse));

  vectors.forEachAttempt((learner, kind, wave, score, item) => {
    const prePost = wave === 'pre' || wave === 'post' ? wave : null;
    if (kind === 'knowledge') {
      if (isEmptyTest(item)) return;
      if (score !== null) scores.knowledge![wave][learner] = score;
      // Unanswered counts wrong, as in the score: an item's facility follows the score rule.
      if (prePost) knowledge.hold(learner, prePost, item, 0);
      return;
    }
    subscales.forEach((s, index) => {
      const subscale = subscaleScoreAt(item, s.indices, s.reverse, UNANSWERED);
      if (subscale !== null) subscaleColumns[index]![wave][learner] = subscale;
      if (!prePost) return;
      // α needs every item of the subscale answered (listwise).
      for (let j = 0; j < s.indices.length; j++) {
        const answer = item[s.indices[j]!]!;
        if (answer === UNANSWERED) return;
        s.rekeyed[j] = rekey(answer, s.reverse[j]!);
      }
      alphaMoments[s.key]![prePost].add(s.rekeyed);
    });
    if (prePost) attitude.hold(learner, prePost, item, null);
  }, from, to);
  return { alphaMoments, knowledgePairs: knowledge.sums(), attitudePairs: attitude.sums() };
}

/** The cohort's scores from its columns and the sums of every part scanned (in any order). */
export function cohortScoresOf(course: ScanCourse, scores: Record<string, ScoreColumns>, parts: ScoringSums[]): CohortScores {
  const subscales = course.attitudeInstrument.subscales;
  const alphaMoments = Object.fromEntries(subscales.map((s) => {
    const k = course.attitudeInstrument.items.filter((item) => item.subscale === s.key).length;
    const waves = { pre: new AlphaMomentSums(k), post: new AlphaMomentSums(k) };
    for (const part of parts) for (const wave of ['pre', 'post'] as const) waves[wave].addMoments(part.alphaMoments[s.key]![wave]);
    return [s.key, waves];
  }));
  const pairStat = (which: 'knowledgePairs' | 'attitudePairs', i: number): PairedItemStat => {
    let [n, pre, post] = [0, 0, 0];
    for (const part of parts) [n, pre, post] = [n + part[which].n[i]!, pre + part[which].pre[i]!, post + part[which].post[i]!];
    return { n, pre: n ? pre / n : null, post: n ? post / n : null };
  };
  const pairedItems = new Map<string, PairedItemStat>();
  course.attitudeInstrument.items.forEach((it, i) => pairedItems.set(it.key, pairStat('attitudePairs', i)));
  course.knowledgeTest.items.forEach((it, i) => pairedItems.set(it.key, pairStat('knowledgePairs', i)));
  return { scores, alphaMoments, pairedItems };
}

/** Every learner scored on this thread (exports, the report's table rows, small cohorts). */
export function scoreCohort(course: ScanCourse, answers: CohortAnswers): CohortScores {
  const scores = scoreColumns(course, answers.size);
  return cohortScoresOf(course, scores, [scoreRange(course, answers.vectors, scores, 0, answers.size)]);
}

/** The score of one learner at one wave, or null. */
export function scoreAt(columns: ScoreColumns, wave: Wave, learner: number): number | null {
  const x = columns[wave][learner]!;
  return Number.isNaN(x) ? null : x;
}

/**
 * Per item, sums over learners who have the item at both pre and post. Attempts arrive learner by learner, so one
 * learner's pre and post answers are held in two buffers and added when the next learner starts.
 */
class PairedItemSums {
  private readonly n: Float64Array;
  private readonly pre: Float64Array;
  private readonly post: Float64Array;
  private readonly held = { pre: null as Int8Array | null, post: null as Int8Array | null };
  private readonly buffers: { pre: Int8Array; post: Int8Array };
  private learner = -1;
  /** Value of an unanswered item (0 = wrong for knowledge), or null when an unanswered item leaves the pair. */
  private unanswered: number | null = null;

  constructor(
    size: number,
    private readonly value: (answer: number, item: number) => number,
  ) {
    this.n = new Float64Array(size);
    this.pre = new Float64Array(size);
    this.post = new Float64Array(size);
    this.buffers = { pre: new Int8Array(size), post: new Int8Array(size) };
  }

  hold(learner: number, wave: 'pre' | 'post', answers: Int8Array, unanswered: number | null): void {
    if (learner !== this.learner) this.flush();
    this.learner = learner;
    this.unanswered = unanswered;
    this.buffers[wave].set(answers);
    this.held[wave] = this.buffers[wave];
  }

  flush(): void {
    const { pre, post } = this.held;
    if (pre && post) {
      for (let i = 0; i < pre.length; i++) {
        const a = pre[i]! === UNANSWERED ? this.unanswered : this.value(pre[i]!, i);
        const b = post[i]! === UNANSWERED ? this.unanswered : this.value(post[i]!, i);
        if (a === null || b === null) continue;
        this.n[i]!++;
        this.pre[i]! += a;
        this.post[i]! += b;
      }
    }
    this.held.pre = null;
    this.held.post = null;
  }

  /** The sums, once the last learner is added. */
  sums(): PairSums {
    this.flush();
    return { n: this.n, pre: this.pre, post: this.post };
  }
}
