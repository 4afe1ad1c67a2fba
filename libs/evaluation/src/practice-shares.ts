// Behaviour indicators from a self-report questionnaire (the follow-up's practice questions): per item, the share of
// learners who answered the indicator options among those for whom the question applied, with the Wilson interval.
// Pure and per group: the cohort report calls it once, a study report once per arm.
//
// Denominators are explicit: `answered` (gave any answer) = `notApplicable` ("no aplica / no recibí casos") + `n`
// (answered a point of the scale); every share is x / n. Items skipped or answered with an option the definition does
// not know are not counted. A share resting on fewer than minN learners is withheld (its counts too), and with fewer
// than minN respondents in all, every item is.

import { wilsonInterval, type WilsonInterval } from './proportions.js';
import { EvaluationInputError } from './reasons.js';
import { assertMinN, MIN_GROUP_N } from './suppression.js';

export interface PracticeItemDefinition {
  key: string;
  /** Every option, in order; `notApplicable` marks the one left out of the denominator. */
  options: readonly { key: string; notApplicable?: boolean }[];
  /** Options that count as "did it" for the headline share. */
  indicator: readonly string[];
}

/** One learner's answers: item key → option key (absent or null: skipped). */
export type PracticeAnswers = Readonly<Record<string, string | null | undefined>>;

export interface PracticeOptionShare {
  key: string;
  share: WilsonInterval;
}

export interface PracticeItemShares {
  key: string;
  answered: number;
  notApplicable: number;
  /** The denominator of every share of this item: answers on the scale (not "no aplica"). */
  n: number;
  /** n < minN (or the whole questionnaire withheld): no shares, and no counts behind them. */
  suppressed: boolean;
  /** The headline share: indicator options / n. */
  indicator: WilsonInterval | null;
  /** Each applicable option's share of n, in the definition's order. */
  options: PracticeOptionShare[] | null;
}

export interface PracticeShares {
  /** Learners who answered at least one item. */
  respondents: number;
  /** respondents < minN: every item is suppressed. */
  suppressed: boolean;
  items: PracticeItemShares[];
}

export function practiceShares(items: readonly PracticeItemDefinition[], learners: readonly PracticeAnswers[], minN: number = MIN_GROUP_N): PracticeShares {
  assertMinN(minN);
  for (const item of items) {
    const keys = new Set(item.options.map((o) => o.key));
    if (!item.indicator.every((key) => keys.has(key) && !item.options.find((o) => o.key === key)!.notApplicable)) {
      throw new EvaluationInputError('invalid_argument', `practiceShares: item ${item.key}: indicator must name applicable options`);
    }
  }
  const known = (item: PracticeItemDefinition, answer: string | null | undefined) => item.options.find((o) => o.key === answer);
  const respondents = learners.filter((answers) => items.some((item) => known(item, answers[item.key]) !== undefined)).length;
  const suppressedAll = respondents < minN;
  return {
    respondents,
    suppressed: suppressedAll,
    items: items.map((item): PracticeItemShares => {
      const counts = new Map<string, number>(item.options.map((o) => [o.key, 0]));
      let answered = 0;
      let notApplicable = 0;
      for (const answers of learners) {
        const option = known(item, answers[item.key]);
        if (!option) continue;
        answered++;
        if (option.notApplicable) notApplicable++;
        else counts.set(option.key, counts.get(option.key)! + 1);
      }
      const n = answered - notApplicable;
      if (suppressedAll || n < minN) return { key: item.key, answered, notApplicable, n, suppressed: true, indicator: null, options: null };
      const x = item.indicator.reduce((sum, key) => sum + counts.get(key)!, 0);
      return {
        key: item.key, answered, notApplicable, n, suppressed: false,
        indicator: wilsonInterval(x, n),
        options: item.options.filter((o) => !o.notApplicable).map((o) => ({ key: o.key, share: wilsonInterval(counts.get(o.key)!, n) })),
      };
    }),
  };
}
