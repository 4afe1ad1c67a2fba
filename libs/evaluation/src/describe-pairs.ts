// Complete pre/post pairs for one measure, and how many learners have only one of the two waves.
// Never imputes: a learner without both scores simply does not enter the paired analysis.

import { assertSameLength } from './reasons.js';

export interface PairsDescription {
  /** Complete pairs in input order: pairs.pre[i] and pairs.post[i] belong to the same learner. */
  pairs: { pre: number[]; post: number[] };
  nPairs: number;
  /** Learners with exactly one of the two scores (attrition, or a post without a pre). */
  nUnpaired: number;
  /** Of the unpaired: started (have pre) but no post, the usual attrition figure. */
  nPreOnly: number;
  /** Of the unpaired: post without pre (e.g. enrolled late). */
  nPostOnly: number;
}

function present(value: number | null): value is number {
  // NaN / ±Infinity are treated as missing scores rather than entering the statistics.
  return value !== null && Number.isFinite(value);
}

/**
 * pre[i] and post[i] are the same learner's scores (null or NaN = missing; typed score columns work too). Throws only
 * if the arrays differ in length.
 */
export function describePairs(pre: ArrayLike<number | null>, post: ArrayLike<number | null>): PairsDescription {
  assertSameLength('describePairs(pre, post)', pre, post);
  const pairs = { pre: [] as number[], post: [] as number[] };
  let nPreOnly = 0;
  let nPostOnly = 0;
  for (let i = 0; i < pre.length; i++) {
    const before = pre[i] ?? null;
    const after = post[i] ?? null;
    const hasPre = present(before);
    const hasPost = present(after);
    if (hasPre && hasPost) {
      pairs.pre.push(before);
      pairs.post.push(after);
    } else if (hasPre) nPreOnly++;
    else if (hasPost) nPostOnly++;
  }
  return { pairs, nPairs: pairs.pre.length, nUnpaired: nPreOnly + nPostOnly, nPreOnly, nPostOnly };
}
