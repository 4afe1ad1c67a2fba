import { groupMeans, suppressCombinations } from '#evaluation';
import type { CohortAnswers } from './cohort-answers.js';
import type { ScoreColumns } from './cohort-scores.js';
import type { BreakdownDto, GroupDto } from './report.dto.js';
import { round } from './report-measures.js';

const BY = ['positionType', 'region'] as const satisfies readonly BreakdownDto['by'][];

/**
 * Mean change per group, by role and by region, for each measure. Each figure's cell size is the n that figure uses
 * (the group's learners with a complete pair in that measure). Both breakdowns of a measure are suppressed together
 * (libs/evaluation's joint suppression): a small cell stays hidden even where the other breakdown and the total would
 * let a reader rebuild it, and each measure's total is its own nPairs. A group nobody in it has a pair for is not a cell.
 */
export function breakdowns(answers: CohortAnswers, scores: Record<string, ScoreColumns>, measures: { key: string }[]): BreakdownDto[] {
  const groups = groupCodes(answers);
  const perMeasure = measures.map(({ key: measure }) => {
    const { pre, post } = scores[measure]!;
    const changes = Float64Array.from(pre, (x, learner) => post[learner]! - x); // NaN: no pair in this measure
    // Learners with a pair, counted per combination of groups: what the suppression needs.
    const counts = new Float64Array(groups.combinations.length);
    for (let learner = 0; learner < changes.length; learner++) if (!Number.isNaN(changes[learner]!)) counts[groups.combination[learner]!]!++;
    const means = groups.code.map((code, b) => groupMeans(changes, code, groups.keys[b]!.length));
    const result = suppressCombinations(BY, groups.combinations.map((keys, c) => ({ keys, n: counts[c]! })));
    return { measure, means, result };
  });
  return BY.map((by, b) => {
    const index = new Map(groups.keys[b]!.map((key, i) => [key, i]));
    return {
      by,
      measures: perMeasure.map(({ measure, means, result }) => ({
        measure,
        totalN: result.total.n,
        groups: result.breakdowns[by]!.flatMap((cell): GroupDto[] => {
          if (!cell.shown) return [{ key: cell.key, suppressed: true, reason: cell.reason! }];
          if (!cell.n) return [];
          return [{ key: cell.key, suppressed: false, n: cell.n, meanChange: round(means[b]![index.get(cell.key)!]!, 4) }];
        }),
      })),
    };
  });
}

/**
 * Each learner's group per breakdown and combination of groups, as small numbers (their texts are shared strings
 * from CohortAnswers: a few distinct values, found by Map lookups, no string built per learner).
 */
function groupCodes(answers: CohortAnswers) {
  const keys = BY.map(() => [] as string[]);
  const codeOf = BY.map(() => new Map<string, number>());
  const code = BY.map(() => new Int32Array(answers.size));
  const combinations: string[][] = [];
  const combinationOf = new Map<number, number>(); // by the group codes, 16 bits each
  const combination = new Int32Array(answers.size);
  for (let learner = 0; learner < answers.size; learner++) {
    let id = 0;
    for (let b = 0; b < BY.length; b++) {
      const key = answers[BY[b]!][learner] ?? 'unknown';
      let c = codeOf[b]!.get(key);
      if (c === undefined) codeOf[b]!.set(key, (c = keys[b]!.push(key) - 1));
      code[b]![learner] = c;
      id = id * 65_536 + c;
    }
    let k = combinationOf.get(id);
    if (k === undefined) combinationOf.set(id, (k = combinations.push(BY.map((_, b) => keys[b]![code[b]![learner]!]!)) - 1));
    combination[learner] = k;
  }
  return { keys, code, combinations, combination };
}
