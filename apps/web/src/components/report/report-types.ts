import type { ApiSchemas } from '../../lib/api/api-client';

// The report's parts, named once from the generated schema (apps/api/src/reports/report.dto.ts is the contract).
// Pairs the schema types as number[] (ci95, range, pairSample) are [low, high] / [pre, post] on the server.

export type Report = ApiSchemas['CohortReportDto'];
export type Measure = ApiSchemas['MeasureReportDto'];
export type Comparison = ApiSchemas['ComparisonDto'];
export type Alpha = ApiSchemas['AlphaDto'];
export type Withheld = ApiSchemas['WithheldDto'];
export type Headline = ApiSchemas['HeadlineDto'];
export type Participation = ApiSchemas['ParticipationDto'];
export type ItemWaveAnalysis = ApiSchemas['ItemWaveAnalysisDto'];
export type KnowledgeItemStat = ApiSchemas['KnowledgeItemStatDto'];
export type ItemShift = ApiSchemas['ItemShiftDto'];
export type Breakdown = ApiSchemas['BreakdownDto'];
export type MeasureBreakdown = ApiSchemas['MeasureBreakdownDto'];
export type Group = ApiSchemas['GroupDto'];
export type LearnerRow = ApiSchemas['LearnerRowDto'];
export type ScenarioStats = ApiSchemas['ScenarioStatsDto'];
export type GlossaryEntry = ApiSchemas['GlossaryEntryDto'];

/** The attitude figures a measure may withhold on their own n (MeasureReportDto.withheldFigures). */
export type WithheldFigure = 'change' | 'alpha.pre' | 'alpha.post' | 'thenTest' | 'retention';
export const isWithheld = (measure: Measure, figure: WithheldFigure) => measure.withheldFigures.includes(figure);

/** The report as it arrives (kept as the one place the report enters the web app). */
export function asReport(dto: Report): Report {
  return dto;
}
export type PracticeReport = ApiSchemas['PracticeReportDto'];
