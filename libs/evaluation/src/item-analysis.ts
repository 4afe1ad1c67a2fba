// Knowledge item analysis for one wave (pre or post), like Moodle's quiz statistics, from sums only.
//
// Input shape:
//   - items: the test's items in order, each with its options and which are correct: `{ key, options: [{ key,
//     correct }] }` (a curriculum Question fits as is). Single-choice, true/false and multiple-select alike.
//   - one row per learner who took the test: per item, in the same order, the selected option keys; null, undefined
//     or [] = unanswered.
// Scoring follows the score rule (scoring.ts, libs/curriculum's gradeQuestion): an item is correct when the set of
// selected keys (duplicates ignored) equals the set of correct keys, so a multiple-select item needs every correct
// option and no other; an unanswered item counts wrong. A learner who took the test but answered NOTHING is missing:
// excluded from every figure (counted in nEmpty), never scored 0. A key that is not an option of the item makes the
// item wrong, as in gradeQuestion, and is not counted as any option.
//
// Figures, over the n included learners (x_i = item i's 0/1, T = Σ x_i):
//   - facility: share correct;
//   - discrimination: corrected item–total correlation, R's cor(x_i, T − x_i), null with a reason when either side
//     does not vary;
//   - options: share of learners selecting each option (multiple-select shares can add up to more than 1), and the
//     share leaving the item unanswered (distractor analysis);
//   - KR-20: Cronbach's α on the 0/1 matrix with the Feldt 95 % CI and α-if-item-deleted (cronbachAlphaFromMoments);
//   - flags: too_easy (facility > 0.90), low_discrimination (discrimination < 0.20, so a negative one too),
//     negative_discrimination (< 0), unused_distractor (a wrong option nobody selected).
// ItemAnalysisSums keeps only sums (n, Σx_i, Σx_i·T, ΣT, ΣT², option counts): no per-learner storage, one pass.

import { type CronbachAlpha } from './cronbach-alpha.js';
import { cronbachAlphaFromMoments } from './cronbach-alpha-moments.js';
import { EvaluationInputError, finiteOrNull, type ReasonCode } from './reasons.js';

export const TOO_EASY_FACILITY = 0.9;
export const LOW_DISCRIMINATION = 0.2;

export interface ItemDefinition {
  key: string;
  options: readonly { key: string; correct: boolean }[];
}

/** One learner's selected option keys per item, in item order; null, undefined or [] = unanswered. */
export type ItemAnswerRow = ArrayLike<readonly string[] | null | undefined>;

export type ItemFlag = 'too_easy' | 'low_discrimination' | 'negative_discrimination' | 'unused_distractor';

export interface OptionShare {
  key: string;
  correct: boolean;
  /** Learners who selected this option. */
  count: number;
  /** count / n; null when n = 0. */
  share: number | null;
}

export interface ItemStatistics {
  key: string;
  /** Learners who answered this item correctly. */
  nCorrect: number;
  /** Share correct (unanswered = wrong); null when n = 0. */
  facility: number | null;
  /** Corrected item–total (point-biserial) correlation with the other items' total. */
  discrimination: number | null;
  options: OptionShare[];
  unanswered: { count: number; share: number | null };
  /** Wrong options nobody selected (empty when n = 0). */
  unusedDistractors: string[];
  flags: ItemFlag[];
  undefinedReasons: Partial<Record<'facility' | 'discrimination', ReasonCode>>;
}

export interface ItemAnalysis {
  /** Learners included (took the test and answered at least one item). */
  n: number;
  /** Learners who took the test but answered nothing: missing, left out of every figure. */
  nEmpty: number;
  /** Items. */
  k: number;
  /** Mean and SD (n − 1) of the percent correct of the included learners. */
  meanPercent: number | null;
  sdPercent: number | null;
  items: ItemStatistics[];
  /** KR-20 = Cronbach's α on the 0/1 item scores, with Feldt's CI and α-if-item-deleted. */
  kr20: CronbachAlpha;
}

export interface ItemAnalysisOptions {
  /** Flag items with facility > 0.90 as too_easy (default true; a report may raise it only at pre). */
  flagTooEasy?: boolean;
}

interface CompiledItem {
  key: string;
  optionKeys: string[];
  optionIndex: Map<string, number>;
  correctFlags: boolean[];
  correctCount: number;
  /** Bit o set for each correct option o (items have at most 30 options). */
  correctMask: number;
}

/** In a selection bitmask: a chosen key that is not one of the item's options (never equal to the correct set). */
export const FOREIGN_OPTION_BIT = 1 << 30;

/** One-pass accumulator: `add(row)` per learner who took the test, then `result()`. */
/** What ItemAnalysisSums has counted, as plain data (it can travel to another thread). */
export interface ItemAnalysisCounts {
  n: number;
  nEmpty: number;
  totalSum: number;
  totalSquares: number;
  correctSums: Float64Array;
  itemTotalCross: Float64Array;
  unanswered: Float64Array;
  optionCounts: Float64Array[];
}

export class ItemAnalysisSums {
  private readonly compiled: CompiledItem[];
  private n = 0;
  private nEmpty = 0;
  private totalSum = 0;
  private totalSquares = 0;
  private readonly correctSums: Float64Array;
  private readonly itemTotalCross: Float64Array;
  private readonly unanswered: Float64Array;
  private readonly optionCounts: Float64Array[];
  // Scratch buffers reused for every row: this learner's 0/1 per item, and a per-option stamp to skip duplicates.
  private readonly scores: Uint8Array;
  private readonly seen: Int32Array[];
  private rowStamp = 0;

  constructor(
    items: readonly ItemDefinition[],
    private readonly options: ItemAnalysisOptions = {},
  ) {
    if (!Array.isArray(items as unknown)) throw new EvaluationInputError('invalid_argument', 'ItemAnalysisSums: items must be an array');
    this.compiled = items.map((item, i) => {
      if (!item || typeof item.key !== 'string' || !Array.isArray(item.options as unknown)) {
        throw new EvaluationInputError('invalid_argument', `ItemAnalysisSums: item ${i} needs a key and options`);
      }
      const optionIndex = new Map<string, number>();
      item.options.forEach((option, o) => {
        if (optionIndex.has(option.key)) throw new EvaluationInputError('invalid_argument', `ItemAnalysisSums: item "${item.key}" has option "${option.key}" twice`);
        optionIndex.set(option.key, o);
      });
      const correctFlags = item.options.map((option) => option.correct === true);
      if (item.options.length > 30) throw new EvaluationInputError('invalid_argument', `ItemAnalysisSums: item "${item.key}" has more than 30 options`);
      const correctMask = correctFlags.reduce((mask, correct, o) => (correct ? mask | (1 << o) : mask), 0);
      return { key: item.key, optionKeys: item.options.map((option) => option.key), optionIndex, correctFlags, correctCount: correctFlags.filter(Boolean).length, correctMask };
    });
    const k = items.length;
    this.correctSums = new Float64Array(k);
    this.itemTotalCross = new Float64Array(k);
    this.unanswered = new Float64Array(k);
    this.optionCounts = this.compiled.map((item) => new Float64Array(item.correctFlags.length));
    this.scores = new Uint8Array(k);
    this.seen = this.compiled.map((item) => new Int32Array(item.correctFlags.length));
  }

  /**
   * Adds one learner who took the test. Returns false (and counts them in nEmpty) when nothing was answered: such a
   * learner is missing, not wrong. Throws EvaluationInputError when the row does not have one entry per item.
   */
  add(row: ItemAnswerRow): boolean {
    const k = this.compiled.length;
    if (!row || row.length !== k) {
      throw new EvaluationInputError('mismatched_lengths', `ItemAnalysisSums.add: a row needs ${k} entries (one per item), got ${row?.length}`);
    }
    let answeredAny = false;
    for (let i = 0; i < k; i++) {
      const selected = row[i];
      if (selected != null && selected.length > 0) {
        answeredAny = true;
        break;
      }
    }
    if (!answeredAny) {
      this.nEmpty++;
      return false;
    }
    const stamp = ++this.rowStamp;
    let total = 0;
    for (let i = 0; i < k; i++) {
      const selected = row[i];
      const item = this.compiled[i]!;
      if (selected == null || selected.length === 0) {
        this.unanswered[i]!++;
        this.scores[i] = 0;
        continue;
      }
      const seen = this.seen[i]!;
      const counts = this.optionCounts[i]!;
      let distinctCorrect = 0;
      let wrong = false;
      for (let s = 0; s < selected.length; s++) {
        const o = item.optionIndex.get(selected[s]!);
        if (o === undefined) {
          wrong = true; // not an option of this item: never equal to the correct set
          continue;
        }
        if (seen[o] === stamp) continue; // the same key twice counts once, as in gradeQuestion
        seen[o] = stamp;
        counts[o]!++;
        if (item.correctFlags[o]) distinctCorrect++;
        else wrong = true;
      }
      const score = !wrong && distinctCorrect === item.correctCount ? 1 : 0;
      this.scores[i] = score;
      total += score;
    }
    this.countRow(total);
    return true;
  }

  /**
   * The same as add(), with each item's selection as a bitmask over the item's options (bit o = option o chosen;
   * FOREIGN_OPTION_BIT = a key that is not one of its options; 0 or -1 = unanswered). A report decodes the stored
   * choice vectors straight into masks: no option keys to look up per answer.
   */
  addMasks(masks: ArrayLike<number>): boolean {
    const k = this.compiled.length;
    if (!masks || masks.length !== k) {
      throw new EvaluationInputError('mismatched_lengths', `ItemAnalysisSums.addMasks: a row needs ${k} entries (one per item), got ${masks?.length}`);
    }
    let answeredAny = false;
    for (let i = 0; i < k && !answeredAny; i++) answeredAny = masks[i]! > 0;
    if (!answeredAny) {
      this.nEmpty++;
      return false;
    }
    let total = 0;
    for (let i = 0; i < k; i++) {
      const mask = masks[i]!;
      if (!(mask > 0)) {
        this.unanswered[i]!++;
        this.scores[i] = 0;
        continue;
      }
      const item = this.compiled[i]!;
      const counts = this.optionCounts[i]!;
      for (let o = 0; o < counts.length; o++) if (mask & (1 << o)) counts[o]!++;
      const score = mask === item.correctMask ? 1 : 0;
      this.scores[i] = score;
      total += score;
    }
    this.countRow(total);
    return true;
  }

  /** Adds a scored row (this.scores holds its item scores) to the sums both add() and addMasks() keep. */
  private countRow(total: number): void {
    this.n++;
    this.totalSum += total;
    this.totalSquares += total * total;
    for (let i = 0; i < this.compiled.length; i++) {
      if (this.scores[i] === 1) {
        this.correctSums[i]!++;
        this.itemTotalCross[i]! += total;
      }
    }
  }

  /** The sums as plain numbers, to be added to another ItemAnalysisSums over the same items (a share of the learners counted elsewhere). */
  counts(): ItemAnalysisCounts {
    return {
      n: this.n, nEmpty: this.nEmpty, totalSum: this.totalSum, totalSquares: this.totalSquares,
      correctSums: Float64Array.from(this.correctSums), itemTotalCross: Float64Array.from(this.itemTotalCross),
      unanswered: Float64Array.from(this.unanswered), optionCounts: this.optionCounts.map((c) => Float64Array.from(c)),
    };
  }

  /** Adds the counts of other learners over the same items (every sum is a count or an integer: the order does not matter). */
  addCounts(other: ItemAnalysisCounts): void {
    const k = this.compiled.length;
    const sameShape = other.correctSums.length === k && other.itemTotalCross.length === k && other.unanswered.length === k
      && other.optionCounts.length === k && other.optionCounts.every((c, i) => c.length === this.optionCounts[i]!.length);
    if (!sameShape) throw new EvaluationInputError('mismatched_lengths', 'ItemAnalysisSums.addCounts: the counts are over other items');
    this.n += other.n;
    this.nEmpty += other.nEmpty;
    this.totalSum += other.totalSum;
    this.totalSquares += other.totalSquares;
    for (let i = 0; i < k; i++) {
      this.correctSums[i]! += other.correctSums[i]!;
      this.itemTotalCross[i]! += other.itemTotalCross[i]!;
      this.unanswered[i]! += other.unanswered[i]!;
      for (let o = 0; o < this.optionCounts[i]!.length; o++) this.optionCounts[i]![o]! += other.optionCounts[i]![o]!;
    }
  }

  result(): ItemAnalysis {
    const { n, totalSum, totalSquares } = this;
    const k = this.compiled.length;
    const flagTooEasy = this.options.flagTooEasy ?? true;
    const items = this.compiled.map((item, i): ItemStatistics => {
      const reasons: ItemStatistics['undefinedReasons'] = {};
      const nCorrect = this.correctSums[i]!;
      const facility = n > 0 ? nCorrect / n : null;
      if (facility === null) reasons.facility = 'too_few_respondents';
      const discrimination = this.discrimination(i, reasons);
      const options = item.correctFlags.map((correct, o) => {
        const count = this.optionCounts[i]![o]!;
        return { key: item.optionKeys[o]!, correct, count, share: n > 0 ? count / n : null };
      });
      const unusedDistractors = n > 0 ? options.filter((o) => !o.correct && o.count === 0).map((o) => o.key) : [];
      const flags: ItemFlag[] = [];
      if (flagTooEasy && facility !== null && facility > TOO_EASY_FACILITY) flags.push('too_easy');
      if (discrimination !== null && discrimination < LOW_DISCRIMINATION) flags.push('low_discrimination');
      if (discrimination !== null && discrimination < 0) flags.push('negative_discrimination');
      if (unusedDistractors.length > 0) flags.push('unused_distractor');
      const unansweredCount = this.unanswered[i]!;
      return {
        key: item.key, nCorrect, facility, discrimination, options,
        unanswered: { count: unansweredCount, share: n > 0 ? unansweredCount / n : null },
        unusedDistractors, flags, undefinedReasons: reasons,
      };
    });
    const percentMean = n > 0 && k > 0 ? (100 * totalSum) / (n * k) : null;
    // Var(T) from integer sums (exact): (n·ΣT² − (ΣT)²) / (n(n − 1)).
    const varT = n > 1 ? (n * totalSquares - totalSum * totalSum) / (n * (n - 1)) : Number.NaN;
    const sdPercent = n > 1 && k > 0 ? finiteOrNull((100 / k) * Math.sqrt(Math.max(varT, 0))) : null;
    const sums = Array.from(this.correctSums);
    const kr20 = cronbachAlphaFromMoments({
      n, itemSums: sums, itemSquares: sums, totalSum, totalSquares, itemTotalCross: Array.from(this.itemTotalCross),
    });
    return { n, nEmpty: this.nEmpty, k, meanPercent: percentMean, sdPercent, items, kr20 };
  }

  /** cor(x_i, T − x_i) from the sums; every term is an integer, so the n-scaled sums of squares are exact. */
  private discrimination(i: number, reasons: ItemStatistics['undefinedReasons']): number | null {
    const n = this.n;
    if (this.compiled.length < 2) {
      reasons.discrimination = 'too_few_items';
      return null;
    }
    if (n < 2) {
      reasons.discrimination = 'too_few_respondents';
      return null;
    }
    const sx = this.correctSums[i]!; // Σx = Σx² for 0/1
    const sxt = this.itemTotalCross[i]!;
    const sr = this.totalSum - sx; // Σ(T − x)
    const srr = this.totalSquares - 2 * sxt + sx; // Σ(T − x)²
    const sxr = sxt - sx; // Σx(T − x)
    const cxx = n * sx - sx * sx;
    const crr = n * srr - sr * sr;
    const cxr = n * sxr - sx * sr;
    if (cxx <= 0) {
      reasons.discrimination = 'zero_variance';
      return null;
    }
    if (crr <= 0) {
      reasons.discrimination = 'zero_total_variance';
      return null;
    }
    const r = finiteOrNull(cxr / Math.sqrt(cxx * crr));
    if (r === null) reasons.discrimination = 'numerical_error';
    return r;
  }
}

/** Item analysis of a whole set of rows (learners who took the test); see ItemAnalysisSums for the input shape. */
export function itemAnalysis(items: readonly ItemDefinition[], rows: readonly ItemAnswerRow[], options: ItemAnalysisOptions = {}): ItemAnalysis {
  const sums = new ItemAnalysisSums(items, options);
  for (const row of rows) sums.add(row);
  return sums.result();
}
