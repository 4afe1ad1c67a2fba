import type { Course } from '#curriculum';
import { type AlphaMoments, AlphaMomentSums, rekey, subscaleScore } from '#evaluation';
import { type CohortAnswers, UNANSWERED, type Wave } from './cohort-answers.js';

/** Per wave, one score per included learner (same order as CohortAnswers.included); NaN = no score. */
export type ScoreColumns = Record<Wave, Float64Array>;

export interface ItemWaveStat {
  n: number;
  /** Mean re-keyed answer (attitude) or percent answering correctly (knowledge). */
  mean: number | null;
}

export interface CohortScores {
  /** measure key ('knowledge' or a subscale) → scores per wave. */
  scores: Record<string, ScoreColumns>;
  /** Subscale → wave → sums over learners who answered every item of the subscale (re-keyed), for α. */
  alphaMoments: Record<string, Record<'pre' | 'post', AlphaMoments>>;
  /** Item key → pre/post mean. */
  items: Map<string, Record<'pre' | 'post', ItemWaveStat>>;
}

/**
 * Scores every included learner with libs/evaluation's rules (re-keying, the 75 % rule; knowledge as graded at
 * submission) and gathers, in the same pass, the sums for Cronbach's α and the item means. Columns of numbers and
 * reused buffers rather than objects per learner: at 20,000 learners the garbage collector was the largest cost.
 */
export function scoreCohort(course: Course, answers: CohortAnswers): CohortScores {
  const n = answers.included.length;
  const attitudeItems = course.attitudeInstrument.items;
  const subscales = course.attitudeInstrument.subscales.map((s) => {
    const indices = attitudeItems.flatMap((item, i) => (item.subscale === s.key ? [i] : []));
    const reverse = indices.map((i) => attitudeItems[i]!.reverse);
    return { key: s.key, indices, reverse, values: new Array<number | null>(indices.length), rekeyed: new Array<number>(indices.length) };
  });
  const columns = (): ScoreColumns => ({ pre: nanColumn(n), post: nanColumn(n), then: nanColumn(n), followup: nanColumn(n) });
  const scores: Record<string, ScoreColumns> = { knowledge: columns() };
  for (const s of subscales) scores[s.key] = columns();
  const alphaMoments = Object.fromEntries(subscales.map((s) => [s.key, { pre: new AlphaMomentSums(s.indices.length), post: new AlphaMomentSums(s.indices.length) }]));
  const sums = {
    knowledge: { pre: new ItemSums(course.knowledgeTest.items.length), post: new ItemSums(course.knowledgeTest.items.length) },
    attitude: { pre: new ItemSums(attitudeItems.length), post: new ItemSums(attitudeItems.length) },
  };
  const knowledgePoints = (answer: number) => 100 * answer;
  const rekeyItem = (answer: number, item: number) => rekey(answer, attitudeItems[item]!.reverse);

  answers.forEachAttempt((learner, kind, wave, score, item) => {
    const prePost = wave === 'pre' || wave === 'post' ? wave : null;
    if (kind === 'knowledge') {
      if (score !== null) scores.knowledge![wave][learner] = score;
      if (prePost) sums.knowledge[prePost].add(item, knowledgePoints);
      return;
    }
    for (const s of subscales) {
      let complete = true;
      s.indices.forEach((i, j) => {
        const answer = item[i]!;
        s.values[j] = answer === UNANSWERED ? null : answer;
        if (answer === UNANSWERED) complete = false;
        else s.rekeyed[j] = rekey(answer, s.reverse[j]!);
      });
      const subscale = subscaleScore(s.values, s.reverse);
      if (subscale !== null) scores[s.key]![wave][learner] = subscale;
      if (prePost && complete) alphaMoments[s.key]![prePost].add(s.rekeyed);
    }
    if (prePost) sums.attitude[prePost].add(item, rekeyItem);
  });

  const items = new Map<string, Record<'pre' | 'post', ItemWaveStat>>();
  attitudeItems.forEach((it, i) => items.set(it.key, { pre: sums.attitude.pre.stat(i), post: sums.attitude.post.stat(i) }));
  course.knowledgeTest.items.forEach((it, i) => items.set(it.key, { pre: sums.knowledge.pre.stat(i), post: sums.knowledge.post.stat(i) }));
  return { scores, alphaMoments, items };
}

/** The score of one learner at one wave, or null. */
export function scoreAt(columns: ScoreColumns, wave: Wave, learner: number): number | null {
  const x = columns[wave][learner]!;
  return Number.isNaN(x) ? null : x;
}

export function presentScores(column: Float64Array): number[] {
  const out: number[] = [];
  for (const x of column) if (!Number.isNaN(x)) out.push(x);
  return out;
}

const nanColumn = (n: number) => new Float64Array(n).fill(Number.NaN);

/** Per item: how many answered and the sum of a value derived from the answer. */
class ItemSums {
  private readonly n: Uint32Array;
  private readonly sum: Float64Array;
  constructor(size: number) {
    this.n = new Uint32Array(size);
    this.sum = new Float64Array(size);
  }
  add(answers: Int8Array, value: (answer: number, item: number) => number): void {
    for (let i = 0; i < answers.length; i++) {
      if (answers[i] === UNANSWERED) continue;
      this.n[i]!++;
      this.sum[i]! += value(answers[i]!, i);
    }
  }
  stat(i: number): ItemWaveStat {
    const n = this.n[i]!;
    return { n, mean: n ? this.sum[i]! / n : null };
  }
}
