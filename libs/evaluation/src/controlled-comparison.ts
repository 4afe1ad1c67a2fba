// Controlled comparison (waitlist or stepped roll-out): a treated group against a control group measured at the same
// two moments. Per group, complete pairs only; dT = post − pre (treated), dC = post − pre (control).
//   - difference = mean(dT) − mean(dC), with R's Welch test `t.test(dT, dC)` (t, df, two-sided p, 95 % CI);
//   - Hedges' g = difference / s_pooled × J, s_pooled = √(((nT−1)s²T + (nC−1)s²C)/(nT+nC−2)), J = 1 − 3/(4(nT+nC) − 9);
//   - ANCOVA as R's `lm(post ~ pre + group)` (group = 1 for treated): the group coefficient, its SE, t, df = n − 3,
//     two-sided p and `confint` 95 % CI, solved in closed form (two centred predictors).
// Every undefined figure is null with a reason code (fewer than 2 pairs in a group, zero variance, collinear
// predictors); nothing here throws for data, only for arrays that do not line up.

import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

import { mean, sd } from './descriptive.js';
import { describePairs } from './describe-pairs.js';
import { EvaluationInputError, finiteOrNull, type ReasonCode } from './reasons.js';

/** One group's two waves, paired by index (null or NaN = missing; only complete pairs enter). */
export interface WaveScores {
  pre: ArrayLike<number | null>;
  post: ArrayLike<number | null>;
}

export interface ControlledComparisonInput {
  treated: WaveScores;
  control: WaveScores;
}

export type ControlledField =
  | 'meanChangeTreated' | 'meanChangeControl' | 'difference' | 'ci95' | 't' | 'df' | 'p' | 'hedgesG'
  | 'ancova.effect' | 'ancova.se' | 'ancova.t' | 'ancova.df' | 'ancova.p' | 'ancova.ci95';

export interface Ancova {
  /** Coefficient of group (treated = 1) in lm(post ~ pre + group): the adjusted programme effect. */
  effect: number | null;
  se: number | null;
  t: number | null;
  /** Residual degrees of freedom, nTreated + nControl − 3. */
  df: number | null;
  p: number | null;
  ci95: [number, number] | null;
}

export interface ControlledComparison {
  /** Complete pairs per group. */
  nTreated: number;
  nControl: number;
  /** Learners with only one of the two waves, per group (attrition; never imputed). */
  nUnpairedTreated: number;
  nUnpairedControl: number;
  meanChangeTreated: number | null;
  meanChangeControl: number | null;
  /** mean(dT) − mean(dC). */
  difference: number | null;
  /** Welch 95 % CI of the difference. */
  ci95: [number, number] | null;
  /** Welch t, Welch–Satterthwaite df and two-sided p. */
  t: number | null;
  df: number | null;
  p: number | null;
  hedgesG: number | null;
  ancova: Ancova;
  /** Why each null field is null; empty when everything is defined. */
  undefinedReasons: Partial<Record<ControlledField, ReasonCode>>;
}

/** Two-sided p of a t statistic. */
function twoSidedP(t: number, df: number): number | null {
  return finiteOrNull(2 * tCdf(-Math.abs(t), df));
}

function confidence(estimate: number, se: number, df: number): [number, number] | null {
  const q = tQuantile(0.975, df);
  const lo = finiteOrNull(estimate - q * se);
  const hi = finiteOrNull(estimate + q * se);
  return lo !== null && hi !== null ? [lo, hi] : null;
}

interface GroupPairs {
  pre: number[];
  post: number[];
  d: number[];
  nUnpaired: number;
}

function pairsOf(group: WaveScores, name: string): GroupPairs {
  if (!group || typeof group !== 'object' || group.pre == null || group.post == null) {
    throw new EvaluationInputError('invalid_argument', `controlledComparison: ${name} needs pre and post arrays`);
  }
  const { pairs, nUnpaired } = describePairs(group.pre, group.post);
  return { ...pairs, d: pairs.post.map((post, i) => post - pairs.pre[i]!), nUnpaired };
}

const ANCOVA_FIELDS = ['ancova.effect', 'ancova.se', 'ancova.t', 'ancova.df', 'ancova.p', 'ancova.ci95'] as const;

/**
 * lm(post ~ pre + group) over both groups' complete pairs, group = 1 for treated. Centred normal equations for the
 * two slopes (the intercept drops out); residuals are computed explicitly for the residual variance.
 */
function ancovaOf(pre: number[], post: number[], group: number[], reasons: Partial<Record<ControlledField, ReasonCode>>): Ancova {
  const none: Ancova = { effect: null, se: null, t: null, df: null, p: null, ci95: null };
  const fail = (reason: ReasonCode, keep: Partial<Ancova> = {}): Ancova => {
    const out = { ...none, ...keep };
    for (const field of ANCOVA_FIELDS) {
      const key = field.slice('ancova.'.length) as keyof Ancova;
      if (out[key] === null) reasons[field] = reason;
    }
    return out;
  };
  const n = pre.length;
  const df = n - 3;
  const mp = mean(pre)!;
  const my = mean(post)!;
  const mg = mean(group)!;
  let spp = 0, sgg = 0, spg = 0, spy = 0, sgy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const p = pre[i]! - mp;
    const g = group[i]! - mg;
    const y = post[i]! - my;
    spp += p * p;
    sgg += g * g;
    spg += p * g;
    spy += p * y;
    sgy += g * y;
    syy += y * y;
  }
  if (![spp, sgg, spg, spy, sgy, syy].every(Number.isFinite)) return fail('numerical_error');
  // pre constant overall: its slope is not estimable (R reports NA for it).
  if (spp === 0) return fail('zero_variance');
  const det = spp * sgg - spg * spg;
  // pre constant within each group: pre and group are collinear, group's coefficient is aliased (NA in R).
  if (!(det > 1e-12 * spp * sgg)) return fail('collinear_predictors');
  const bPre = (sgg * spy - spg * sgy) / det;
  const effect = (spp * sgy - spg * spy) / det;
  let rss = 0;
  let fittedSum = 0;
  const fitted = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const f = my + bPre * (pre[i]! - mp) + effect * (group[i]! - mg);
    const r = post[i]! - f;
    fitted[i] = f;
    fittedSum += f;
    rss += r * r;
  }
  const resVar = rss / df;
  const fittedMean = fittedSum / n;
  const fittedVar = fitted.reduce((s, f) => s + (f - fittedMean) ** 2, 0) / (n - 1);
  // R's summary.lm warns of an "essentially perfect fit" below this; its SE and t are then meaningless.
  if (!(resVar >= (fittedMean * fittedMean + fittedVar) * 1e-30) || resVar === 0) {
    return fail('zero_variance', { effect: finiteOrNull(effect), df });
  }
  const se = Math.sqrt((resVar * spp) / det);
  const t = effect / se;
  const out: Ancova = { effect: finiteOrNull(effect), se: finiteOrNull(se), t: finiteOrNull(t), df, p: twoSidedP(t, df), ci95: confidence(effect, se, df) };
  for (const field of ANCOVA_FIELDS) {
    const key = field.slice('ancova.'.length) as keyof Ancova;
    if (out[key] === null) reasons[field] = 'numerical_error';
  }
  return out;
}

/**
 * Treated vs control change scores (Welch, Hedges' g) and the ANCOVA-adjusted effect. Arrays of numbers or null,
 * paired by index within each group. Throws EvaluationInputError only when a group's pre and post differ in length.
 */
export function controlledComparison(input: ControlledComparisonInput): ControlledComparison {
  if (!input || typeof input !== 'object') throw new EvaluationInputError('invalid_argument', 'controlledComparison: expected { treated, control }');
  const treated = pairsOf(input.treated, 'treated');
  const control = pairsOf(input.control, 'control');
  const nT = treated.d.length;
  const nC = control.d.length;
  const reasons: Partial<Record<ControlledField, ReasonCode>> = {};
  const result: ControlledComparison = {
    nTreated: nT, nControl: nC, nUnpairedTreated: treated.nUnpaired, nUnpairedControl: control.nUnpaired,
    meanChangeTreated: nT > 0 ? mean(treated.d) : null,
    meanChangeControl: nC > 0 ? mean(control.d) : null,
    difference: null, ci95: null, t: null, df: null, p: null, hedgesG: null,
    ancova: { effect: null, se: null, t: null, df: null, p: null, ci95: null },
    undefinedReasons: reasons,
  };
  if (result.meanChangeTreated === null) reasons.meanChangeTreated = nT > 0 ? 'numerical_error' : 'too_few_pairs';
  if (result.meanChangeControl === null) reasons.meanChangeControl = nC > 0 ? 'numerical_error' : 'too_few_pairs';

  const between: ControlledField[] = ['difference', 'ci95', 't', 'df', 'p', 'hedgesG', ...ANCOVA_FIELDS];
  if (nT < 2 || nC < 2) {
    for (const field of between) reasons[field] = 'too_few_pairs';
    return result;
  }
  const mT = result.meanChangeTreated!;
  const mC = result.meanChangeControl!;
  const sT = sd(treated.d);
  const sC = sd(control.d);
  if (sT === null || sC === null || mT === null || mC === null) {
    for (const field of between) reasons[field] = 'numerical_error';
    return result;
  }
  const difference = finiteOrNull(mT - mC);
  result.difference = difference;
  if (difference === null) reasons.difference = 'numerical_error';

  // Welch: as R's t.test(dT, dC), including its "data are essentially constant" rule.
  const vT = (sT * sT) / nT;
  const vC = (sC * sC) / nC;
  const se = Math.sqrt(vT + vC);
  if (difference === null) {
    for (const field of ['ci95', 't', 'df', 'p'] as const) reasons[field] = 'numerical_error';
  } else if (se < 10 * Number.EPSILON * Math.max(Math.abs(mT), Math.abs(mC)) || se === 0) {
    for (const field of ['ci95', 't', 'df', 'p'] as const) reasons[field] = 'zero_variance';
  } else {
    const df = finiteOrNull((vT + vC) ** 2 / (vT ** 2 / (nT - 1) + vC ** 2 / (nC - 1)));
    const t = finiteOrNull(difference / se);
    result.df = df;
    result.t = t;
    if (df !== null && t !== null) {
      result.p = twoSidedP(t, df);
      result.ci95 = confidence(difference, se, df);
    }
    for (const field of ['ci95', 't', 'df', 'p'] as const) if (result[field] === null) reasons[field] = 'numerical_error';
  }

  const pooled = Math.sqrt(((nT - 1) * sT * sT + (nC - 1) * sC * sC) / (nT + nC - 2));
  if (difference !== null && pooled > 0) {
    result.hedgesG = finiteOrNull((difference / pooled) * (1 - 3 / (4 * (nT + nC) - 9)));
    if (result.hedgesG === null) reasons.hedgesG = 'numerical_error';
  } else {
    reasons.hedgesG = difference === null ? 'numerical_error' : 'zero_variance';
  }

  const group = [...treated.d.map(() => 1), ...control.d.map(() => 0)];
  result.ancova = ancovaOf([...treated.pre, ...control.pre], [...treated.post, ...control.post], group, reasons);
  return result;
}
