import type { ApiSchemas } from '../../lib/api/api-client';

// The generated schema types a few report fields loosely (objects declared as `Object` on the server); these are
// the shapes the server actually sends (apps/api/src/reports/report.dto.ts), applied once where the report arrives.

export type Comparison = ApiSchemas['ComparisonDto'] & { ci95: [number, number] | null };
export type WaveStats = ApiSchemas['WaveStatsDto'];

export interface Alpha extends Omit<ApiSchemas['AlphaDto'], 'alphaIfDeleted' | 'ci95'> {
  ci95: [number, number] | null;
  alphaIfDeleted: { itemKey: string; alpha: number | null }[];
}

export type ChangeDistribution = ApiSchemas['ChangeDistributionDto'] & { range: [number, number] | null };

export interface Measure extends Omit<ApiSchemas['MeasureReportDto'], 'pairSample' | 'distribution' | 'change' | 'alphaPre' | 'alphaPost' | 'responseShift' | 'programmeEffect' | 'retention'> {
  pairSample: [number, number][];
  distribution: ChangeDistribution;
  change: Comparison;
  alphaPre?: Alpha;
  alphaPost?: Alpha;
  responseShift?: Comparison;
  programmeEffect?: Comparison;
  retention?: Comparison;
}

export type LearnerMeasure = { pre: number | null; post: number | null; change: number | null };
export interface LearnerScores extends Omit<ApiSchemas['LearnerScoresDto'], 'measures'> {
  measures: Record<string, LearnerMeasure | undefined>;
}

export interface Group extends Omit<ApiSchemas['GroupDto'], 'meanChange'> {
  meanChange?: Record<string, number | null>;
}
export interface Breakdown extends Omit<ApiSchemas['BreakdownDto'], 'groups'> {
  groups: Group[];
}

export type ItemShift = ApiSchemas['ItemShiftDto'];
export type ScenarioStats = ApiSchemas['ScenarioStatsDto'];
export type Participation = ApiSchemas['ParticipationDto'];

export interface Report extends Omit<ApiSchemas['CohortReportDto'], 'cohorts' | 'measures' | 'learners' | 'breakdowns'> {
  cohorts: { id: string; name: string }[];
  measures: Measure[];
  learners: LearnerScores[];
  breakdowns: Breakdown[];
}

/** The report as the server sends it, typed precisely (see the note above). */
export function asReport(dto: ApiSchemas['CohortReportDto']): Report {
  return dto as unknown as Report;
}
