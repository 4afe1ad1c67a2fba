import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import { type Course, type Locale, localize } from '#curriculum';
import { MIN_GROUP_N } from '#evaluation';
import { AppException } from '../common/app-exception.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { CohortAccess } from '../cohorts/cohort-access.service.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { CohortAnswers } from './cohort-answers.js';
import { scoreAt, scoreCohort } from './cohort-scores.js';
import { breakdowns } from './report-breakdowns.js';
import { GLOSSARY } from './report-glossary.js';
import { itemAnalysisOf, itemShiftsOf } from './report-items.js';
import { type MeasureDef, round } from './report-measures.js';
import { ReportWorkers } from './report-workers.service.js';
import type { CohortReportDto, ScenarioStatsDto } from './report.dto.js';
import { actionPlanCount, type ParticipationGroup, participationGroups, scenarioChoices, tableRows } from './report-queries.js';
import { loadPracticeAnswers, practiceReport } from './practice-report.js';

const KNOWLEDGE_LABEL = { es: 'Conocimientos', en: 'Knowledge' };
export const LEARNER_ROWS = 500;

/**
 * The pre/post report. The database sends one row per learner with their answers (cohort-answers); libs/evaluation
 * scores them and computes every statistic; groups under 5 learners are suppressed with complementary suppression.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: DatabasePool,
    private readonly catalog: CourseCatalog,
    private readonly access: CohortAccess,
    private readonly audit: AuditLog,
    private readonly workers: ReportWorkers,
    private readonly reads: DatabasePool,
  ) {}

  /** The report as a member of staff may see it: only cohorts they run (admins: any). */
  async reportFor(actor: AuthUser, cohortIds: string[], locale: Locale): Promise<CohortReportDto> {
    await this.access.assertAll(actor, cohortIds);
    // Its learner table names people: recorded before it is built.
    await this.audit.record({ actor, action: 'report.read', cohortIds });
    return this.report(cohortIds, locale);
  }

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
    return CohortAnswers.load(this.db, cohortIds, course, (versionId) => this.catalog.publishedContent(versionId));
  }

  async report(cohortIds: string[], locale: Locale): Promise<CohortReportDto> {
    const course = await this.courseFor(cohortIds);
    const m = this.db;
    const [cohorts, answers, choiceRows, actionPlans, groups, rows, practiceAnswers] = await Promise.all([
      m.query(`SELECT id, name, is_demo AS "isDemo" FROM cohorts WHERE id = ANY($1::uuid[]) ORDER BY name`, [cohortIds]),
      this.answers(cohortIds, course),
      scenarioChoices(m, cohortIds),
      actionPlanCount(m, cohortIds),
      participationGroups(m, cohortIds),
      tableRows(m, cohortIds, LEARNER_ROWS),
      loadPracticeAnswers(this.reads, cohortIds),
    ]);
    const scan = await this.workers.scan(course, answers);
    const { scores, pairedItems } = scan.scores;
    // The table's learners scored by the same code as everyone (their answers travel with the rows).
    const tableScores = scoreCohort(course, answers.subset(rows)).scores.knowledge!;

    const measureDefs: MeasureDef[] = [
      { key: 'knowledge', label: KNOWLEDGE_LABEL[locale], kind: 'knowledge', scale: 'percent' },
      ...course.attitudeInstrument.subscales.map((s): MeasureDef => ({ key: s.key, label: localize(s.title, locale), kind: 'attitude', scale: 'likert' })),
    ];
    // The workers' measures are computed while this thread does its own and the breakdowns.
    const measuresDone = this.workers.measures(measureDefs, scan, locale);
    measuresDone.catch(() => undefined); // awaited below: a failure there must not also count as unhandled
    const byGroup = breakdowns(answers, scores, measureDefs);
    const measures = await measuresDone;
    const participation = participationOf(groups, answers.size, actionPlans);

    return {
      cohorts,
      courseTitle: localize(course.title, locale),
      generatedAt: new Date().toISOString(),
      minGroupN: MIN_GROUP_N,
      privacyRules: localize(course.consent.privacyRules, locale).trim(),
      glossary: GLOSSARY[locale],
      participation,
      headlines: measures.map((x) => ({
        measure: x.key, label: x.label, scale: x.scale, nPairs: x.nPairs, meanDiff: x.change?.meanDiff ?? null, ci95: x.change?.ci95 ?? null,
        withheld: x.withheld, reading: x.change?.reading ?? withheldReading(x.label, x.nPairs, locale),
      })),
      measures,
      itemAnalysis: itemAnalysisOf(course, scan.items, locale),
      itemShifts: itemShiftsOf(course, pairedItems, locale),
      // Listed learners: not consent-withdrawn, and not erased (erased ones count in the figures only).
      learnersTotal: groups.reduce((sum, g) => (g.consentWithdrawn || g.erased ? sum : sum + g.n), 0),
      // The first rows by name; a table of thousands helps nobody in a browser (the roster and the exports have all).
      // Progress, knowledge and certificate only: attitude values are never shown per learner.
      learners: rows.map((row, learner) => {
        const pre = scoreAt(tableScores, 'pre', learner);
        const post = scoreAt(tableScores, 'post', learner);
        return {
          enrolmentId: row.enrolmentId,
          name: row.name,
          positionType: row.positionType,
          region: row.region,
          stage: row.stage,
          evaluationUse: row.evaluationUse,
          certified: row.certified,
          knowledge: row.evaluationUse !== true ? null : { pre: round(pre, 3), post: round(post, 3), change: pre !== null && post !== null ? round(post - pre, 3) : null },
        };
      }),
      breakdowns: byGroup,
      scenarios: scenarioStats(course, choiceRows, locale),
      practice: practiceReport(course, [...practiceAnswers.values()], locale),
    };
  }
}

const COMPLETED_STAGES = new Set(['completed', 'followUp', 'done']);

function withheldReading(label: string, n: number, locale: Locale): string {
  return locale === 'en'
    ? `${label}: withheld — opinion figures are shown only for 5 or more learners with both answers (here ${n}).`
    : `${label}: no se muestra — las cifras de opinión solo se muestran con 5 o más personas con ambas respuestas (aquí ${n}).`;
}

/** Choice shares per decision; a decision fewer than 5 learners reached shows no shares. */
function scenarioStats(course: Course, rows: { scenario_key: string; node_key: string; choice_key: string; n: number }[], locale: Locale): ScenarioStatsDto[] {
  return course.scenarios.map((s) => ({
    key: s.key,
    title: localize(s.title, locale),
    nodes: s.nodes.flatMap((node) => {
      if (node.kind !== 'decision') return [];
      const counts = rows.filter((r) => r.scenario_key === s.key && r.node_key === node.key);
      const total = counts.reduce((sum, r) => sum + r.n, 0);
      const suppressed = total < MIN_GROUP_N;
      return [{
        key: node.key,
        situation: localize(node.situation, locale).slice(0, 240),
        n: total,
        suppressed,
        choices: suppressed ? [] : node.choices.map((c) => {
          const count = counts.find((r) => r.choice_key === c.key)?.n ?? 0;
          return { key: c.key, text: localize(c.text, locale), points: c.points, count, share: total ? round(count / total, 3)! : 0 };
        }),
      }];
    }),
  }));
}

/** The participation figures from enrolments counted by flag; `inStatistics` is the learners the statistics read. */
function participationOf(groups: ParticipationGroup[], inStatistics: number, actionPlans: number) {
  const count = (when: (g: ParticipationGroup) => boolean) => groups.reduce((sum, g) => (when(g) ? sum + g.n : sum), 0);
  const withdrawn = (g: ParticipationGroup) => g.consentWithdrawn || g.status === 'withdrawn';
  const byStage: Record<string, number> = {};
  for (const g of groups) byStage[g.stage] = (byStage[g.stage] ?? 0) + g.n;
  return {
    enrolled: count(() => true),
    active: count((g) => !withdrawn(g)),
    removed: count((g) => g.status === 'withdrawn'),
    consentWithdrawn: count((g) => g.consentWithdrawn),
    courseOnly: count((g) => !g.consentWithdrawn && g.evaluationUse === false),
    notConsented: count((g) => !withdrawn(g) && g.evaluationUse === null),
    inStatistics,
    completed: count((g) => COMPLETED_STAGES.has(g.stage)),
    certified: count((g) => g.certified),
    actionPlans,
    byStage,
  };
}
