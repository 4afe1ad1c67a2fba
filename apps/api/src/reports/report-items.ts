import { type Course, type Locale, localize } from '#curriculum';
import { type ItemAnalysis, type ItemAnalysisCounts, ItemAnalysisSums, MIN_GROUP_N } from '#evaluation';
import type { AnswerVectors } from './answer-vectors.js';
import type { PairedItemStat, ScanCourse } from './cohort-scores.js';
import type { ItemAnalysisDto, ItemShiftDto, ItemShiftsDto, ItemWaveAnalysisDto } from './report-items.dto.js';
import { round } from './report-measures.js';

/** The item-analysis counts of some learners, per wave (plain data: it travels between threads). */
export type ItemCounts = Record<'pre' | 'post', ItemAnalysisCounts>;

/** Counts the options learners [from, to) chose in the pre and post knowledge tests. */
export function itemCountsRange(course: ScanCourse, vectors: AnswerVectors, from: number, to: number): ItemCounts {
  const sums = itemSums(course);
  vectors.forEachKnowledgeChoice((_learner, wave, masks) => {
    if (wave === 'pre' || wave === 'post') sums[wave].addMasks(masks);
  }, from, to);
  return { pre: sums.pre.counts(), post: sums.post.counts() };
}

/** Knowledge item analysis per wave from the counts of every part scanned; "too easy" is a pre-test flag only. */
export function itemAnalysisOf(course: Course, parts: ItemCounts[], locale: Locale): ItemAnalysisDto {
  const sums = itemSums(course);
  for (const part of parts) for (const wave of ['pre', 'post'] as const) sums[wave].addCounts(part[wave]);
  return { pre: waveDto(sums.pre.result(), course, locale), post: waveDto(sums.post.result(), course, locale) };
}

function itemSums(course: ScanCourse) {
  const items = course.knowledgeTest.items;
  return { pre: new ItemAnalysisSums(items, { flagTooEasy: true }), post: new ItemAnalysisSums(items, { flagTooEasy: false }) };
}

function waveDto(result: ItemAnalysis, course: Course, locale: Locale): ItemWaveAnalysisDto {
  const byKey = new Map(course.knowledgeTest.items.map((item) => [item.key, item]));
  return {
    n: result.n,
    nEmpty: result.nEmpty,
    kr20: {
      n: result.kr20.n,
      k: result.k,
      alpha: round(result.kr20.alpha),
      ci95: result.kr20.ci95 ? [round(result.kr20.ci95[0])!, round(result.kr20.ci95[1])!] : null,
    },
    items: result.items.map((stat) => {
      const item = byKey.get(stat.key)!;
      return {
        key: stat.key,
        text: localize(item.prompt, locale),
        module: item.module,
        facility: round(stat.facility),
        discrimination: round(stat.discrimination),
        options: stat.options.map((o) => ({
          key: o.key, correct: o.correct, count: o.count, share: round(o.share),
          text: localize(item.options.find((x) => x.key === o.key)!.text, locale),
        })),
        unansweredShare: round(stat.unanswered.share),
        flags: stat.flags,
      };
    }),
  };
}

/**
 * Item shifts over the same (paired) learners, ranked by |shift| within each scale: a percentage and a Likert
 * point are not comparable, so knowledge and attitudes are never ranked in one list. Attitude items resting on
 * fewer than MIN_GROUP_N learners are withheld.
 */
export function itemShiftsOf(course: Course, paired: Map<string, PairedItemStat>, locale: Locale): ItemShiftsDto {
  const shift = (key: string, text: string, subscale: string | null, confidential: boolean): ItemShiftDto => {
    const stat = paired.get(key)!;
    if (confidential && stat.n < MIN_GROUP_N) return { key, text, subscale, n: stat.n, suppressed: true, pre: null, post: null, shift: null };
    const diff = stat.pre !== null && stat.post !== null ? stat.post - stat.pre : null;
    return { key, text, subscale, n: stat.n, suppressed: false, pre: round(stat.pre), post: round(stat.post), shift: round(diff) };
  };
  const size = (x: ItemShiftDto) => (x.shift === null ? -1 : Math.abs(x.shift));
  const ranked = (list: ItemShiftDto[]) => list.sort((a, b) => size(b) - size(a));
  return {
    knowledge: ranked(course.knowledgeTest.items.map((i) => shift(i.key, localize(i.prompt, locale), null, false))),
    attitude: ranked(course.attitudeInstrument.items.map((i) => shift(i.key, localize(i.text, locale), i.subscale, true))),
  };
}
