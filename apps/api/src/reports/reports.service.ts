import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Course, type Locale, localize } from '#curriculum';
import {
  changeDistribution, cronbachAlphaFromMoments, describeAlpha, describeChange, describePairs, pairedComparison, programmeEffect, responseShift, retention,
  samplePairs, suppressBreakdown, type AlphaMoments, type PairedComparison, ALPHA_THRESHOLD, mean, sd,
} from '#evaluation';
import { AppException } from '../common/app-exception.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { CohortAnswers, type CohortMember } from './cohort-answers.js';
import { type ItemWaveStat, presentScores, type ScoreColumns, scoreAt, scoreCohort } from './cohort-scores.js';
import {
  type AlphaDto, type BreakdownDto, type CohortReportDto, type ComparisonDto, type ItemShiftDto, type MeasureReportDto, PAIR_SAMPLE, type ScenarioStatsDto,
} from './report.dto.js';
import { scenarioChoices } from './report-queries.js';

const KNOWLEDGE_LABEL = { es: 'Conocimientos', en: 'Knowledge' };
export const LEARNER_ROWS = 500;
const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * The pre/post report. The database sends one row per learner with their answers (cohort-answers); libs/evaluation
 * scores them and computes every statistic; groups under 5 learners are suppressed with complementary suppression.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CourseCatalog,
  ) {}

  /** The item metadata of the newest course version any of these cohorts' learners pinned (item keys never change meaning). */
  async courseFor(cohortIds: string[]): Promise<Course> {
    const [row] = await this.db.query(
      `SELECT v.id FROM enrolments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.cohort_id = ANY($1::uuid[]) ORDER BY v.version DESC LIMIT 1`,
      [cohortIds],
    );
    const versionId = row?.id ?? (await this.catalog.latestPublishedVersionId());
    if (!versionId) throw new AppException(404, 'CONTENT_UNAVAILABLE', 'No course content is available yet.');
    return this.catalog.publishedContent(versionId);
  }

  /** Everyone in the cohorts, by name, with their answers read against the report's course (see cohort-answers). */
  answers(cohortIds: string[], course: Course): Promise<CohortAnswers> {
    return CohortAnswers.load(this.db.manager, cohortIds, course, (versionId) => this.catalog.publishedContent(versionId));
  }

  async report(cohortIds: string[], locale: Locale): Promise<CohortReportDto> {
    const course = await this.courseFor(cohortIds);
    const m = this.db.manager;
    const [cohorts, answers, choiceRows] = await Promise.all([
      m.query(`SELECT id, name FROM cohorts WHERE id = ANY($1::uuid[]) ORDER BY name`, [cohortIds]),
      this.answers(cohortIds, course),
      scenarioChoices(m, cohortIds),
    ]);
    const { everyone, included } = answers;
    const { scores, alphaMoments, items } = scoreCohort(course, answers);

    const measureDefs = [
      { key: 'knowledge', label: KNOWLEDGE_LABEL[locale], scale: 'percent' as const },
      ...course.attitudeInstrument.subscales.map((s) => ({ key: s.key, label: localize(s.title, locale), scale: 'likert' as const })),
    ];
    const measures: MeasureReportDto[] = measureDefs.map((def) => {
      const col = scores[def.key]!;
      const paired = describePairs(col.pre, col.post);
      const { pre, post } = paired.pairs;
      const distribution = changeDistribution(pre, post, def.scale);
      const report: MeasureReportDto = {
        key: def.key,
        label: def.label,
        scale: def.scale,
        nPairs: paired.nPairs,
        nUnpaired: paired.nPreOnly,
        pre: waveStats(presentScores(col.pre)),
        post: waveStats(presentScores(col.post)),
        change: comparison(pairedComparison(pre, post), def.label, def.scale, locale),
        distribution: { binWidth: distribution.binWidth, bins: distribution.bins, ...distribution.counts, range: distribution.range },
        pairSample: samplePairs(pre, post, PAIR_SAMPLE).map(([a, b]) => [round(a, 3)!, round(b, 3)!]),
      };
      if (def.scale === 'likert') {
        // The then-test needs all three waves: pre, post and then (the retrospective pre asked at post).
        const withThen = completeTriples(col);
        if (withThen.pre.length > 0) {
          report.responseShift = comparison(responseShift(withThen.pre, withThen.then), def.label, def.scale, locale, 'neutral');
          report.programmeEffect = comparison(programmeEffect(withThen.then, withThen.post), def.label, def.scale, locale);
        }
        const keys = course.attitudeInstrument.items.filter((i) => i.subscale === def.key).map((i) => i.key);
        report.alphaPre = alpha(alphaMoments[def.key]!.pre, keys, locale);
        report.alphaPost = alpha(alphaMoments[def.key]!.post, keys, locale);
      }
      const follow = describePairs(col.post, col.followup).pairs; // pre = post, post = follow-up
      if (follow.pre.length > 0) {
        report.retention = comparison(retention(follow.pre, follow.post), def.label, def.scale, locale, 'higher-is-better');
      }
      return report;
    });

    const itemShifts = itemShiftsOf(course, items, locale);
    const ranked = itemShifts.filter((i) => i.shift !== null).sort((a, b) => Math.abs(b.shift!) - Math.abs(a.shift!));
    const measureKeys = measureDefs.map((d) => d.key);

    return {
      cohorts,
      courseTitle: localize(course.title, locale),
      generatedAt: new Date().toISOString(),
      participation: {
        enrolled: everyone.length,
        active: everyone.filter((p) => p.status === 'active').length,
        removed: everyone.filter((p) => p.status === 'withdrawn').length,
        consentWithdrawn: everyone.filter((p) => p.consentWithdrawn).length,
        byStage: countBy(included.map((p) => p.stage)),
      },
      measures,
      items: itemShifts,
      mostMoved: ranked.slice(0, 5).map((i) => i.key),
      leastMoved: ranked.slice(-5).reverse().map((i) => i.key),
      learnersTotal: included.length,
      // The first rows by name; a table of thousands helps nobody in a browser (the roster and the exports have all).
      learners: included.slice(0, LEARNER_ROWS).map((member, learner) => ({
        enrolmentId: member.enrolmentId,
        name: member.displayName,
        positionType: member.positionType,
        region: member.region,
        stage: member.stage,
        measures: Object.fromEntries(measureKeys.flatMap((key) => {
          const pre = scoreAt(scores[key]!, 'pre', learner);
          const post = scoreAt(scores[key]!, 'post', learner);
          if (pre === null && post === null) return [];
          return [[key, { pre: round(pre, 3), post: round(post, 3), change: pre !== null && post !== null ? round(post - pre, 3) : null }]];
        })),
      })),
      breakdowns: [
        breakdown('positionType', included, scores, (p) => p.positionType, measureKeys),
        breakdown('region', included, scores, (p) => p.region, measureKeys),
      ],
      scenarios: scenarioStats(course, choiceRows, locale),
    };
  }
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

function itemShiftsOf(course: Course, items: Map<string, Record<'pre' | 'post', ItemWaveStat>>, locale: Locale): ItemShiftDto[] {
  const shift = (key: string) => {
    const { pre, post } = items.get(key)!;
    return {
      pre: { n: pre.n, mean: round(pre.mean, 3), sd: null },
      post: { n: post.n, mean: round(post.mean, 3), sd: null },
      shift: pre.mean !== null && post.mean !== null ? round(post.mean - pre.mean, 3) : null,
    };
  };
  return [
    ...course.attitudeInstrument.items.map((i) => ({ key: i.key, kind: 'attitude' as const, text: localize(i.text, locale), subscale: i.subscale, reverse: i.reverse, ...shift(i.key) })),
    ...course.knowledgeTest.items.map((i) => ({ key: i.key, kind: 'knowledge' as const, text: localize(i.prompt, locale), subscale: null, reverse: false, ...shift(i.key) })),
  ];
}

/**
 * Per group: learners with a complete pair in any measure and their mean change per measure, in one pass over the
 * learners; small groups hidden (with complementary suppression).
 */
function breakdown(
  by: string, included: CohortMember[], scores: Record<string, ScoreColumns>, keyOf: (m: CohortMember) => string | null, measureKeys: string[],
): BreakdownDto {
  const acc = new Map<string, { n: number; sums: number[]; counts: number[] }>();
  included.forEach((member, learner) => {
    const key = keyOf(member) ?? 'unknown';
    let group = acc.get(key);
    if (!group) acc.set(key, (group = { n: 0, sums: measureKeys.map(() => 0), counts: measureKeys.map(() => 0) }));
    let paired = false;
    measureKeys.forEach((measure, i) => {
      const change = scores[measure]!.post[learner]! - scores[measure]!.pre[learner]!;
      if (Number.isNaN(change)) return;
      paired = true;
      group.sums[i]! += change;
      group.counts[i]!++;
    });
    if (paired) group.n++;
  });
  const groups = [...acc.entries()].map(([key, g]) => ({
    key,
    n: g.n,
    meanChange: Object.fromEntries(measureKeys.map((measure, i) => [measure, g.counts[i] ? round(g.sums[i]! / g.counts[i]!, 3) : null])),
  })).sort((a, b) => a.key.localeCompare(b.key));
  const result = suppressBreakdown(groups);
  return {
    by,
    totalN: result.total.n,
    groups: result.groups.map((g) => (g.suppressed ? { key: g.key, suppressed: true, reason: g.reason } : { key: g.key, suppressed: false, n: g.n, meanChange: g.meanChange })),
  };
}

function comparison(result: PairedComparison, label: string, scale: 'percent' | 'likert', locale: Locale, direction: 'higher-is-better' | 'neutral' = 'higher-is-better'): ComparisonDto {
  return {
    n: result.n,
    meanPre: round(result.meanPre), meanPost: round(result.meanPost), sdPre: round(result.sdPre), sdPost: round(result.sdPost),
    meanDiff: round(result.meanDiff), sdDiff: round(result.sdDiff),
    ci95: result.ci95 ? [round(result.ci95[0])!, round(result.ci95[1])!] : null,
    t: round(result.t), df: result.df, p: result.p === null ? null : Number(result.p.toPrecision(4)),
    wilcoxon: { v: result.wilcoxon.v, p: result.wilcoxon.p === null ? null : Number(result.wilcoxon.p.toPrecision(4)), method: result.wilcoxon.method },
    dz: round(result.dz), dav: round(result.dav),
    undefinedReasons: result.undefinedReasons as Record<string, string>,
    reading: describeChange(result, { measure: label, scale, locale, direction }),
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

function waveStats(present: number[]) {
  return { n: present.length, mean: present.length ? round(mean(present), 3) : null, sd: present.length > 1 ? round(sd(present), 3) : null };
}
function scenarioStats(course: Course, rows: { scenario_key: string; node_key: string; choice_key: string; n: number }[], locale: Locale): ScenarioStatsDto[] {
  return course.scenarios.map((s) => ({
    key: s.key,
    title: localize(s.title, locale),
    nodes: s.nodes.flatMap((node) => {
      if (node.kind !== 'decision') return [];
      const counts = rows.filter((r) => r.scenario_key === s.key && r.node_key === node.key);
      const total = counts.reduce((sum, r) => sum + r.n, 0);
      return [{
        key: node.key,
        situation: localize(node.situation, locale).slice(0, 240),
        n: total,
        choices: node.choices.map((c) => {
          const count = counts.find((r) => r.choice_key === c.key)?.n ?? 0;
          return { key: c.key, text: localize(c.text, locale), points: c.points, count, share: total ? round(count / total, 3)! : 0 };
        }),
      }];
    }),
  }));
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}
