import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Course, type Locale, localize } from '#curriculum';
import {
  cronbachAlphaFromMoments, describeAlpha, describeChange, pairedComparison, programmeEffect, responseShift, retention, suppressBreakdown,
  type PairedComparison, ALPHA_THRESHOLD, mean, sd,
} from '#evaluation';
import { AppException } from '../common/app-exception.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import type { AlphaDto, BreakdownDto, CohortReportDto, ComparisonDto, ItemShiftDto, MeasureReportDto, ScenarioStatsDto } from './report.dto.js';
import { type AlphaMomentRow, type ItemMeta, type MeasureRow, alphaMoments, itemMeans, learners, measuresByLearner, scenarioChoices } from './report-queries.js';

const KNOWLEDGE_LABEL = { es: 'Conocimientos', en: 'Knowledge' };
export const LEARNER_ROWS = 500;
const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * The pre/post report. The database gathers one row per learner and measure (no per-learner loops); libs/evaluation
 * computes every statistic; groups under 5 learners are suppressed with complementary suppression.
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

  async report(cohortIds: string[], locale: Locale): Promise<CohortReportDto> {
    const course = await this.courseFor(cohortIds);
    const items = itemMetaOf(course);
    const m = this.db.manager;
    const [cohorts, people, measureRows, alphaRows, meanRows, choiceRows] = await Promise.all([
      m.query(`SELECT id, name FROM cohorts WHERE id = ANY($1::uuid[]) ORDER BY name`, [cohortIds]),
      learners(m, cohortIds),
      measuresByLearner(m, cohortIds, items),
      alphaMoments(m, cohortIds),
      itemMeans(m, cohortIds, items),
      scenarioChoices(m, cohortIds),
    ]);

    const measureDefs = [
      { key: 'knowledge', label: KNOWLEDGE_LABEL[locale], scale: 'percent' as const },
      ...course.attitudeInstrument.subscales.map((s) => ({ key: s.key, label: localize(s.title, locale), scale: 'likert' as const })),
    ];
    const rowsByMeasure = groupBy(measureRows, (r) => r.measure);
    const measures: MeasureReportDto[] = measureDefs.map((def) => {
      const rows = rowsByMeasure.get(def.key) ?? [];
      const paired = rows.filter((r) => r.pre !== null && r.post !== null);
      const pre = paired.map((r) => r.pre!);
      const post = paired.map((r) => r.post!);
      const report: MeasureReportDto = {
        key: def.key,
        label: def.label,
        scale: def.scale,
        nPairs: paired.length,
        nUnpaired: rows.filter((r) => r.pre !== null && r.post === null).length,
        pre: waveStats(rows.map((r) => r.pre)),
        post: waveStats(rows.map((r) => r.post)),
        change: comparison(pairedComparison(pre, post), def.label, def.scale, locale),
        pairs: paired.map((r) => [round(r.pre!, 3)!, round(r.post!, 3)!]),
      };
      if (def.scale === 'likert') {
        const thenRows = rows.filter((r) => r.then !== null && r.pre !== null && r.post !== null);
        if (thenRows.length > 0) {
          report.responseShift = comparison(responseShift(thenRows.map((r) => r.pre!), thenRows.map((r) => r.then!)), def.label, def.scale, locale, 'neutral');
          report.programmeEffect = comparison(programmeEffect(thenRows.map((r) => r.then!), thenRows.map((r) => r.post!)), def.label, def.scale, locale);
        }
        report.alphaPre = this.alpha(alphaRows, items, def.key, 'pre', locale);
        report.alphaPost = this.alpha(alphaRows, items, def.key, 'post', locale);
      }
      const follow = rows.filter((r) => r.post !== null && r.followup !== null);
      if (follow.length > 0) {
        report.retention = comparison(retention(follow.map((r) => r.post!), follow.map((r) => r.followup!)), def.label, def.scale, locale, 'higher-is-better');
      }
      return report;
    });

    const itemShifts = this.itemShifts(course, meanRows, locale);
    const ranked = itemShifts.filter((i) => i.shift !== null).sort((a, b) => Math.abs(b.shift!) - Math.abs(a.shift!));
    const included = people.filter((p) => !p.consent_withdrawn);
    const byLearner = groupBy(measureRows, (r) => r.enrolment_id);

    return {
      cohorts,
      courseTitle: localize(course.title, locale),
      generatedAt: new Date().toISOString(),
      participation: {
        enrolled: people.length,
        active: people.filter((p) => p.status === 'active').length,
        removed: people.filter((p) => p.status === 'withdrawn').length,
        consentWithdrawn: people.filter((p) => p.consent_withdrawn).length,
        byStage: countBy(included.map((p) => p.stage)),
      },
      measures,
      items: itemShifts,
      mostMoved: ranked.slice(0, 5).map((i) => i.key),
      leastMoved: ranked.slice(-5).reverse().map((i) => i.key),
      learnersTotal: included.length,
      // The first rows by name; a table of thousands helps nobody in a browser (the roster and the exports have all).
      learners: included.slice(0, LEARNER_ROWS).map((p) => ({
        enrolmentId: p.enrolment_id,
        name: p.display_name,
        positionType: p.position_type,
        region: p.region,
        stage: p.stage,
        measures: Object.fromEntries(
          (byLearner.get(p.enrolment_id) ?? []).map((r) => [r.measure, {
            pre: round(r.pre, 3), post: round(r.post, 3), change: r.pre !== null && r.post !== null ? round(r.post - r.pre, 3) : null,
          }]),
        ),
      })),
      breakdowns: [
        breakdown('positionType', included.map((p) => ({ key: p.position_type ?? 'unknown', id: p.enrolment_id })), byLearner, measureDefs.map((d) => d.key)),
        breakdown('region', included.map((p) => ({ key: p.region ?? 'unknown', id: p.enrolment_id })), byLearner, measureDefs.map((d) => d.key)),
      ],
      scenarios: scenarioStats(course, choiceRows, locale),
    };
  }

  private alpha(rows: AlphaMomentRow[], items: ItemMeta[], subscale: string, wave: 'pre' | 'post', locale: Locale): AlphaDto {
    const keys = items.filter((i) => i.subscale === subscale).map((i) => i.item_key).sort();
    const mine = rows.filter((r) => r.wave === wave && r.subscale === subscale).sort((a, b) => a.pos - b.pos);
    const first = mine[0];
    const result = cronbachAlphaFromMoments({
      n: first?.n ?? 0,
      itemSums: keys.map((_, i) => mine[i]?.sx ?? 0),
      itemSquares: keys.map((_, i) => mine[i]?.sxx ?? 0),
      totalSum: first?.st ?? 0,
      totalSquares: first?.stt ?? 0,
      itemTotalCross: keys.map((_, i) => mine[i]?.sxt ?? 0),
    });
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

  private itemShifts(course: Course, rows: { item_key: string; kind: 'attitude' | 'knowledge'; wave: string; n: number; mean: number }[], locale: Locale): ItemShiftDto[] {
    const stat = (key: string, wave: string) => rows.find((r) => r.item_key === key && r.wave === wave);
    const shift = (key: string) => {
      const pre = stat(key, 'pre');
      const post = stat(key, 'post');
      return {
        pre: { n: pre?.n ?? 0, mean: round(pre?.mean ?? null, 3), sd: null },
        post: { n: post?.n ?? 0, mean: round(post?.mean ?? null, 3), sd: null },
        shift: pre && post ? round(post.mean - pre.mean, 3) : null,
      };
    };
    return [
      ...course.attitudeInstrument.items.map((i) => ({ key: i.key, kind: 'attitude' as const, text: localize(i.text, locale), subscale: i.subscale, reverse: i.reverse, ...shift(i.key) })),
      ...course.knowledgeTest.items.map((i) => ({ key: i.key, kind: 'knowledge' as const, text: localize(i.prompt, locale), subscale: null, reverse: false, ...shift(i.key) })),
    ];
  }
}

export function itemMetaOf(course: Course): ItemMeta[] {
  return course.attitudeInstrument.items.map((i) => ({ item_key: i.key, subscale: i.subscale, reverse: i.reverse }));
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

function waveStats(values: (number | null)[]) {
  const present = values.filter((v): v is number => v !== null);
  return { n: present.length, mean: present.length ? round(mean(present), 3) : null, sd: present.length > 1 ? round(sd(present), 3) : null };
}

/** Per group: learners with a pair and their mean change per measure; small groups hidden (with complementary suppression). */
function breakdown(by: string, members: { key: string; id: string }[], byLearner: Map<string, MeasureRow[]>, measureKeys: string[]): BreakdownDto {
  const groups = [...groupBy(members, (m) => m.key).entries()].map(([key, list]) => {
    const rows = list.flatMap((m) => byLearner.get(m.id) ?? []);
    const pairedLearners = new Set(rows.filter((r) => r.pre !== null && r.post !== null).map((r) => r.enrolment_id));
    const meanChange = Object.fromEntries(measureKeys.map((measure) => {
      const diffs = rows.filter((r) => r.measure === measure && r.pre !== null && r.post !== null).map((r) => r.post! - r.pre!);
      return [measure, diffs.length ? round(mean(diffs), 3) : null];
    }));
    return { key, n: pairedLearners.size, meanChange };
  }).sort((a, b) => a.key.localeCompare(b.key));
  const result = suppressBreakdown(groups);
  return {
    by,
    totalN: result.total.n,
    groups: result.groups.map((g) => (g.suppressed ? { key: g.key, suppressed: true, reason: g.reason } : { key: g.key, suppressed: false, n: g.n, meanChange: g.meanChange })),
  };
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

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = map.get(k);
    if (group) group.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}
