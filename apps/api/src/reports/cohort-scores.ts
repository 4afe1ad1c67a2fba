import type { Course } from '#curriculum';
import { type AlphaMoments, AlphaMomentSums, rekey, subscaleScoreAt } from '#evaluation';
import { type CohortAnswers, UNANSWERED, type Wave } from './cohort-answers.js';

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

/**
 * Scores every included learner with libs/evaluation's rules (re-keying, the 75 % rule; knowledge as graded at
 * submission, an empty test missing) and gathers, in the same pass, the sums for Cronbach's α and the paired item
 * sums. Columns of numbers and reused buffers rather than objects per learner: at 20,000 learners the garbage
 * collector was the largest cost.
 */
export function scoreCohort(course: Course, answers: CohortAnswers): CohortScores {
  const n = answers.size;
  const attitudeItems = course.attitudeInstrument.items;
  const subscales = course.attitudeInstrument.subscales.map((s) => {
    const indices = attitudeItems.flatMap((item, i) => (item.subscale === s.key ? [i] : []));
    const reverse = indices.map((i) => attitudeItems[i]!.reverse);
    return { key: s.key, indices: Int16Array.from(indices), reverse, rekeyed: new Array<number>(indices.length) };
  });
  const columns = (): ScoreColumns => ({ pre: nanColumn(n), post: nanColumn(n), then: nanColumn(n), followup: nanColumn(n) });
  const scores: Record<string, ScoreColumns> = { knowledge: columns() };
  const subscaleColumns = subscales.map((s) => (scores[s.key] = columns()));
  const alphaMoments = Object.fromEntries(subscales.map((s) => [s.key, { pre: new AlphaMomentSums(s.indices.length), post: new AlphaMomentSums(s.indices.length) }]));
  const knowledge = new PairedItemSums(course.knowledgeTest.items.length, (answer) => answer);
  const attitude = new PairedItemSums(attitudeItems.length, (answer, item) => rekey(answer, attitudeItems[item]!.reverse));

  answers.forEachAttempt((learner, kind, wave, score, item) => {
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
  });
  knowledge.flush();
  attitude.flush();

  const pairedItems = new Map<string, PairedItemStat>();
  attitudeItems.forEach((it, i) => pairedItems.set(it.key, attitude.stat(i)));
  course.knowledgeTest.items.forEach((it, i) => pairedItems.set(it.key, knowledge.stat(i)));
  return { scores, alphaMoments, pairedItems };
}

/** The score of one learner at one wave, or null. */
export function scoreAt(columns: ScoreColumns, wave: Wave, learner: number): number | null {
  const x = columns[wave][learner]!;
  return Number.isNaN(x) ? null : x;
}

const nanColumn = (n: number) => new Float64Array(n).fill(Number.NaN);

/**
 * Per item, sums over learners who have the item at both pre and post. Attempts arrive learner by learner, so one
 * learner's pre and post answers are held in two buffers and added when the next learner starts.
 */
class PairedItemSums {
  private readonly n: Uint32Array;
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
    this.n = new Uint32Array(size);
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

  stat(i: number): PairedItemStat {
    const n = this.n[i]!;
    return { n, pre: n ? this.pre[i]! / n : null, post: n ? this.post[i]! / n : null };
  }
}
