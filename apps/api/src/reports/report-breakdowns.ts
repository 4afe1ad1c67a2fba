import { suppressMeasures } from '#evaluation';
import type { CohortMember } from './cohort-answers.js';
import type { ScoreColumns } from './cohort-scores.js';
import type { BreakdownDto, GroupDto, MeasureBreakdownDto } from './report.dto.js';
import { round } from './report-measures.js';

/**
 * Mean change per group and measure. Each figure's cell size is the n that figure uses: the learners of the group
 * with a complete pair in that measure. Suppression (small cells and their complementary partner) runs per measure
 * on real cells only, and each measure's total equals the measure's own nPairs, so no two published totals differ
 * by a hidden group.
 */
export function breakdown(
  by: BreakdownDto['by'], included: readonly CohortMember[], scores: Record<string, ScoreColumns>, keyOf: (m: CohortMember) => string | null,
  measures: { key: string; nPairs: number }[],
): BreakdownDto {
  const groups = new Map<string, { n: Record<string, number>; sum: Record<string, number> }>();
  included.forEach((member, learner) => {
    const key = keyOf(member) ?? 'unknown';
    let group = groups.get(key);
    if (!group) {
      group = { n: Object.fromEntries(measures.map((m) => [m.key, 0])), sum: Object.fromEntries(measures.map((m) => [m.key, 0])) };
      groups.set(key, group);
    }
    for (const { key: measure } of measures) {
      const change = scores[measure]!.post[learner]! - scores[measure]!.pre[learner]!;
      if (Number.isNaN(change)) continue;
      group.n[measure]!++;
      group.sum[measure]! += change;
    }
  });
  const entries = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  const keys = measures.map((m) => m.key);
  const suppression = suppressMeasures(entries.map(([key, g]) => ({ key, n: g.n })), keys, {
    cohortN: Object.fromEntries(measures.map((m) => [m.key, m.nPairs])),
  });
  return {
    by,
    measures: measures.map(({ key: measure }): MeasureBreakdownDto => {
      const result = suppression[measure]!;
      return {
        measure,
        totalN: result.total.n,
        groups: result.groups.flatMap((cell, i): GroupDto[] => {
          const group = entries[i]![1];
          if (group.n[measure] === 0) return []; // nobody paired in this measure here: not a cell
          return cell.shown
            ? [{ key: cell.key, suppressed: false, n: cell.n!, meanChange: round(group.sum[measure]! / group.n[measure]!, 4) }]
            : [{ key: cell.key, suppressed: true, reason: cell.reason! }];
        }),
      };
    }),
  };
}
