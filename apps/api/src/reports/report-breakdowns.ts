import { suppressJointly } from '#evaluation';
import type { CohortAnswers } from './cohort-answers.js';
import type { ScoreColumns } from './cohort-scores.js';
import type { BreakdownDto, GroupDto } from './report.dto.js';
import { round } from './report-measures.js';

const BY = ['positionType', 'region'] as const satisfies readonly BreakdownDto['by'][];

/**
 * Mean change per group, by role and by region, for each measure. Each figure's cell size is the n that figure uses
 * (the group's learners with a complete pair in that measure). Both breakdowns of a measure are suppressed together
 * (libs/evaluation's suppressJointly): a small cell stays hidden even where the other breakdown and the total would
 * let a reader rebuild it, and each measure's total is its own nPairs. A group nobody in it has a pair for is not a cell.
 */
export function breakdowns(answers: CohortAnswers, scores: Record<string, ScoreColumns>, measures: { key: string; nPairs: number }[]): BreakdownDto[] {
  // Each learner's groups, built once, one shared array per combination, reused by every measure (20,000 learners ×
  // 6 measures made this a hot spot).
  const combinations = new Map<string, string[]>();
  const learnerKeys = Array.from({ length: answers.size }, (_, learner) => {
    const keys = BY.map((by) => answers[by][learner] ?? 'unknown');
    const id = keys.join('\u0000');
    let shared = combinations.get(id);
    if (!shared) combinations.set(id, (shared = keys));
    return shared;
  });
  const perMeasure = measures.map(({ key: measure }) => {
    const keys: string[][] = [];
    const sums = BY.map(() => new Map<string, number>());
    const { pre, post } = scores[measure]!;
    for (let learner = 0; learner < learnerKeys.length; learner++) {
      const change = post[learner]! - pre[learner]!;
      if (Number.isNaN(change)) continue;
      const groupKeys = learnerKeys[learner]!;
      keys.push(groupKeys);
      for (let b = 0; b < groupKeys.length; b++) sums[b]!.set(groupKeys[b]!, (sums[b]!.get(groupKeys[b]!) ?? 0) + change);
    }
    return { measure, sums, result: suppressJointly(BY, keys) };
  });
  return BY.map((by, b) => ({
    by,
    measures: perMeasure.map(({ measure, sums, result }) => ({
      measure,
      totalN: result.total.n,
      groups: result.breakdowns[by]!.flatMap((cell): GroupDto[] => {
        if (!cell.shown) return [{ key: cell.key, suppressed: true, reason: cell.reason! }];
        if (!cell.n) return [];
        return [{ key: cell.key, suppressed: false, n: cell.n, meanChange: round(sums[b]!.get(cell.key)! / cell.n, 4) }];
      }),
    })),
  }));
}
