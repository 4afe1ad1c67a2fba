import type { Locale } from '#curriculum';
import {
  ALPHA_THRESHOLD, type AlphaMoments, changeDistribution, cronbachAlphaFromMoments, describeAlpha, describeChange, describePairs,
  describeResponseShift, MIN_GROUP_N, type PairedComparison, pairedComparison, programmeEffect, responseShift, retention, samplePairs,
} from '#evaluation';
import type { ScanCourse, ScoreColumns } from './cohort-scores.js';
import { type AlphaDto, type ComparisonDto, type MeasureReportDto, PAIR_SAMPLE, type WithheldDto } from './report.dto.js';

export interface MeasureDef {
  key: string;
  label: string;
  kind: 'knowledge' | 'attitude';
  scale: 'percent' | 'likert';
}

export const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * One measure's figures. Attitude figures are confidential: each is withheld when it would rest on fewer than
 * MIN_GROUP_N learners — the whole measure with fewer than 5 pairs, α, the then-test and retention on their own n —
 * and attitude values never travel per learner (no pair sample).
 */
export function measureReport(def: MeasureDef, col: ScoreColumns, alphaMoments: Record<'pre' | 'post', AlphaMoments> | undefined, course: ScanCourse, locale: Locale): MeasureReportDto {
  const confidential = def.kind === 'attitude';
  const paired = describePairs(col.pre, col.post);
  const { pre, post } = paired.pairs;
  const withheldFigures: string[] = [];
  const withhold = (figure: string, n: number) => {
    if (!confidential || n >= MIN_GROUP_N) return false;
    withheldFigures.push(figure);
    return true;
  };
  const report: MeasureReportDto = {
    key: def.key,
    label: def.label,
    kind: def.kind,
    scale: def.scale,
    nPairs: paired.nPairs,
    nPreOnly: paired.nPreOnly,
    withheld: null,
    change: null,
    distribution: null,
    pairSample: [],
    withheldFigures,
  };
  if (withhold('change', paired.nPairs)) {
    report.withheld = withheldDto(paired.nPairs);
    return report;
  }
  report.change = comparison(pairedComparison(pre, post), def, locale);
  const distribution = changeDistribution(pre, post, def.scale);
  report.distribution = { binWidth: distribution.binWidth, bins: distribution.bins, ...distribution.counts, range: distribution.range };
  if (!confidential) report.pairSample = samplePairs(pre, post, PAIR_SAMPLE).map(([a, b]) => [round(a, 3)!, round(b, 3)!]);
  if (def.kind === 'attitude') {
    const keys = course.attitudeInstrument.items.filter((i) => i.subscale === def.key).map((i) => i.key);
    for (const wave of ['pre', 'post'] as const) {
      const moments = alphaMoments![wave];
      report[wave === 'pre' ? 'alphaPre' : 'alphaPost'] = withhold(`alpha.${wave}`, moments.n) ? null : alpha(moments, keys, locale);
    }
    // The then-test needs all three waves: pre, post and then (the retrospective pre asked at post).
    const triples = completeTriples(col);
    if (triples.pre.length > 0 && !withhold('thenTest', triples.pre.length)) {
      const shift = responseShift(triples.pre, triples.then);
      report.responseShift = { ...comparison(shift, def, locale), reading: describeResponseShift(shift, { measure: def.label, locale }) };
      report.programmeEffect = comparison(programmeEffect(triples.then, triples.post), def, locale);
    }
  }
  const follow = describePairs(col.post, col.followup).pairs; // pre = post, post = follow-up
  if (follow.pre.length > 0 && !withhold('retention', follow.pre.length)) {
    report.retention = comparison(retention(follow.pre, follow.post), def, locale);
  }
  return report;
}

export function withheldDto(n: number): WithheldDto {
  return { reason: 'small_n', n, minN: MIN_GROUP_N };
}

function alpha(moments: AlphaMoments, keys: string[], locale: Locale): AlphaDto {
  const result = cronbachAlphaFromMoments(moments);
  return {
    n: result.n,
    k: keys.length,
    alpha: round(result.alpha),
    ci95: result.ci95 ? [round(result.ci95[0])!, round(result.ci95[1])!] : null,
    alphaIfDeleted: keys.map((itemKey, i) => ({ itemKey, alpha: round(result.alphaIfDeleted[i] ?? null) })),
    warning: result.alpha !== null && result.alpha < ALPHA_THRESHOLD,
    reading: describeAlpha(result.alpha, locale),
  };
}

export function comparison(result: PairedComparison, def: MeasureDef, locale: Locale): ComparisonDto {
  return {
    n: result.n,
    meanPre: round(result.meanPre), meanPost: round(result.meanPost), sdPre: round(result.sdPre), sdPost: round(result.sdPost),
    meanDiff: round(result.meanDiff), sdDiff: round(result.sdDiff),
    ci95: result.ci95 ? [round(result.ci95[0])!, round(result.ci95[1])!] : null,
    t: round(result.t), df: result.df, p: result.p === null ? null : Number(result.p.toPrecision(4)),
    wilcoxon: { v: result.wilcoxon.v, p: result.wilcoxon.p === null ? null : Number(result.wilcoxon.p.toPrecision(4)), method: result.wilcoxon.method },
    dz: round(result.dz), dav: round(result.dav),
    undefinedReasons: result.undefinedReasons as Record<string, string>,
    reading: describeChange(result, { measure: def.label, scale: def.scale, locale, direction: 'higher-is-better' }),
  };
}

/** Learners with pre, post and then, in learner order. */
function completeTriples(col: ScoreColumns): { pre: number[]; post: number[]; then: number[] } {
  const out = { pre: [] as number[], post: [] as number[], then: [] as number[] };
  for (let i = 0; i < col.pre.length; i++) {
    if (Number.isNaN(col.pre[i]!) || Number.isNaN(col.post[i]!) || Number.isNaN(col.then[i]!)) continue;
    out.pre.push(col.pre[i]!);
    out.post.push(col.post[i]!);
    out.then.push(col.then[i]!);
  }
  return out;
}
