import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ItemAnalysisDto, ItemShiftsDto } from './report-items.dto.js';
import { PracticeReportDto } from './practice-report.dto.js';

export const WILCOXON_METHODS = ['exact', 'normal-approximation'] as const;

export class WilcoxonDto {
  @ApiProperty({ nullable: true, type: Number }) v: number | null;
  @ApiProperty({ nullable: true, type: Number }) p: number | null;
  @ApiProperty({ nullable: true, type: String, enum: WILCOXON_METHODS }) method: (typeof WILCOXON_METHODS)[number] | null;
}

/**
 * A paired comparison over complete pairs only: meanPre and meanPost are the means of the same n learners, so
 * meanPost − meanPre = meanDiff. A statistic that is undefined for the data is null and `undefinedReasons` says why.
 */
export class ComparisonDto {
  @ApiProperty({ description: 'Complete pairs' }) n: number;
  @ApiProperty({ nullable: true, type: Number }) meanPre: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanPost: number | null;
  @ApiProperty({ nullable: true, type: Number }) sdPre: number | null;
  @ApiProperty({ nullable: true, type: Number }) sdPost: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanDiff: number | null;
  @ApiProperty({ nullable: true, type: Number }) sdDiff: number | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[low, high]' })
  ci95: [number, number] | null;
  @ApiProperty({ nullable: true, type: Number }) t: number | null;
  @ApiProperty({ nullable: true, type: Number }) df: number | null;
  @ApiProperty({ nullable: true, type: Number }) p: number | null;
  @ApiProperty({ type: WilcoxonDto }) wilcoxon: WilcoxonDto;
  @ApiProperty({ nullable: true, type: Number }) dz: number | null;
  @ApiProperty({ nullable: true, type: Number }) dav: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) undefinedReasons: Record<string, string>;
  @ApiProperty({ description: 'One plain-language sentence in the requested language' }) reading: string;
}

export class AlphaIfDeletedDto {
  @ApiProperty() itemKey: string;
  @ApiProperty({ nullable: true, type: Number }) alpha: number | null;
}

export class AlphaDto {
  @ApiProperty({ description: 'Learners who answered every item of the subscale' }) n: number;
  @ApiProperty() k: number;
  @ApiProperty({ nullable: true, type: Number }) alpha: number | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }) ci95: [number, number] | null;
  @ApiProperty({ type: [AlphaIfDeletedDto], description: 'α if each item were deleted' }) alphaIfDeleted: AlphaIfDeletedDto[];
  @ApiProperty({ description: 'α below 0.70' }) warning: boolean;
  @ApiProperty() reading: string;
}

export const WITHHELD_REASONS = ['small_n'] as const;

/** Why a figure is not shown: it would rest on fewer than `minN` learners (attitude figures are confidential). */
export class WithheldDto {
  @ApiProperty({ enum: WITHHELD_REASONS }) reason: (typeof WITHHELD_REASONS)[number];
  @ApiProperty({ description: 'Learners the figure would rest on' }) n: number;
  @ApiProperty() minN: number;
}

export const PAIR_SAMPLE = 400;

export class ChangeBinDto {
  @ApiProperty({ description: 'Centre of the bin (post − pre)' }) centre: number;
  @ApiProperty() improved: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() declined: number;
}

export class ChangeDistributionDto {
  @ApiProperty() binWidth: number;
  @ApiProperty({ type: [ChangeBinDto] }) bins: ChangeBinDto[];
  @ApiProperty() improved: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() declined: number;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[lowest, highest] score at either wave' })
  range: [number, number] | null;
}

export class MeasureReportDto {
  @ApiProperty({ description: "'knowledge' or an attitude subscale key" }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['knowledge', 'attitude'] }) kind: 'knowledge' | 'attitude';
  @ApiProperty({ enum: ['percent', 'likert'] }) scale: 'percent' | 'likert';
  @ApiProperty({ description: 'Learners with both pre and post' }) nPairs: number;
  @ApiProperty({ description: 'Learners with a pre but no post yet (attrition): in no mean, never imputed' }) nPreOnly: number;
  @ApiProperty({ nullable: true, type: WithheldDto, description: 'Set when every figure of this measure is withheld' }) withheld: WithheldDto | null;
  @ApiProperty({ nullable: true, type: ComparisonDto }) change: ComparisonDto | null;
  @ApiProperty({ nullable: true, type: ChangeDistributionDto, description: 'How the changes of the complete pairs are spread' })
  distribution: ChangeDistributionDto | null;
  @ApiProperty({
    type: 'array', items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    description: `[pre, post] of at most ${PAIR_SAMPLE} complete pairs at evenly spaced ranks of the pairs sorted by pre then post (the same sample whatever order the learners are read in), for the slope chart (knowledge only: attitude values are never shown per learner)`,
  })
  pairSample: [number, number][];
  @ApiPropertyOptional({ type: AlphaDto, nullable: true }) alphaPre?: AlphaDto | null;
  @ApiPropertyOptional({ type: AlphaDto, nullable: true }) alphaPost?: AlphaDto | null;
  @ApiPropertyOptional({ type: ComparisonDto, nullable: true, description: 'then − pre (the then-test: response shift)' }) responseShift?: ComparisonDto | null;
  @ApiPropertyOptional({ type: ComparisonDto, nullable: true, description: 'post − then' }) programmeEffect?: ComparisonDto | null;
  @ApiPropertyOptional({ type: ComparisonDto, nullable: true, description: 'follow-up − post' }) retention?: ComparisonDto | null;
  @ApiProperty({ type: [String], description: 'Figures of this measure withheld because they rest on fewer than 5 learners' }) withheldFigures: string[];
}

export class KnowledgeScoresDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Percent correct; null = not taken or nothing answered' }) pre: number | null;
  @ApiProperty({ nullable: true, type: Number }) post: number | null;
  @ApiProperty({ nullable: true, type: Number }) change: number | null;
}

/** A learner's row: progress, knowledge scores and certificate status. Never an attitude value. */
export class LearnerRowDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) positionType: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty() stage: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'false: course only (in no statistic); null: no consent yet' }) evaluationUse: boolean | null;
  @ApiProperty() certified: boolean;
  @ApiProperty({ nullable: true, type: KnowledgeScoresDto, description: 'null for course-only learners' }) knowledge: KnowledgeScoresDto | null;
}

export class GroupDto {
  @ApiProperty() key: string;
  @ApiProperty() suppressed: boolean;
  @ApiPropertyOptional({ enum: ['small_n', 'complementary'] }) reason?: 'small_n' | 'complementary';
  @ApiPropertyOptional({ description: 'Learners this figure rests on (complete pairs of this measure in this group)' }) n?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Mean change (post − pre)' }) meanChange?: number | null;
}

export class MeasureBreakdownDto {
  @ApiProperty() measure: string;
  @ApiProperty({ nullable: true, type: Number, description: "Equals the measure's nPairs (hidden when below 5)" }) totalN: number | null;
  @ApiProperty({ type: [GroupDto], description: 'Real groups only: a group with nobody paired in this measure is not a cell' }) groups: GroupDto[];
}

export class BreakdownDto {
  @ApiProperty({ enum: ['positionType', 'region'] }) by: 'positionType' | 'region';
  @ApiProperty({ type: [MeasureBreakdownDto] }) measures: MeasureBreakdownDto[];
}

export class ScenarioChoiceStatDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty() points: number;
  @ApiProperty() count: number;
  @ApiProperty({ description: '0–1' }) share: number;
}

export class ScenarioNodeStatDto {
  @ApiProperty() key: string;
  @ApiProperty() situation: string;
  @ApiProperty() n: number;
  @ApiProperty({ description: 'Fewer than 5 learners reached this decision: shares withheld' }) suppressed: boolean;
  @ApiProperty({ type: [ScenarioChoiceStatDto] }) choices: ScenarioChoiceStatDto[];
}

export class ScenarioStatsDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ScenarioNodeStatDto] }) nodes: ScenarioNodeStatDto[];
}

export class ParticipationDto {
  @ApiProperty() enrolled: number;
  @ApiProperty({ description: 'Still taking part: neither removed by a trainer nor withdrawn' }) active: number;
  @ApiProperty({ description: 'Removed from the cohort by a trainer' }) removed: number;
  @ApiProperty({ description: 'Withdrew consent: excluded from every statistic' }) consentWithdrawn: number;
  @ApiProperty({ description: 'Chose "course only": excluded from every statistic and export, still certified' }) courseOnly: number;
  @ApiProperty({ description: 'Have not answered the consent yet' }) notConsented: number;
  @ApiProperty({ description: 'Chose evaluation use and did not withdraw: the learners the statistics draw on' }) inStatistics: number;
  @ApiProperty({ description: 'Completed the course (post-assessment done)' }) completed: number;
  @ApiProperty() certified: number;
  @ApiProperty({ description: 'Learners in the statistics who wrote an action plan (a count only: the text is never reported)' }) actionPlans: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byStage: Record<string, number>;
}

export class HeadlineDto {
  @ApiProperty() measure: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['percent', 'likert'] }) scale: 'percent' | 'likert';
  @ApiProperty() nPairs: number;
  @ApiProperty({ nullable: true, type: Number }) meanDiff: number | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }) ci95: [number, number] | null;
  @ApiProperty({ nullable: true, type: WithheldDto }) withheld: WithheldDto | null;
  @ApiProperty() reading: string;
}

export class GlossaryEntryDto {
  @ApiProperty() term: string;
  @ApiProperty() definition: string;
}

export class ReportCohortDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Seeded demonstration data' }) isDemo: boolean;
}

export class CohortReportDto {
  @ApiProperty({ type: [ReportCohortDto] }) cohorts: ReportCohortDto[];
  @ApiProperty() courseTitle: string;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ description: 'Smallest group any figure may rest on' }) minGroupN: number;
  @ApiProperty({ description: 'Markdown: who sees what — the consent\'s own words' }) privacyRules: string;
  @ApiProperty({ type: [GlossaryEntryDto], description: 'What each figure means, written once (the export codebook carries the same)' })
  glossary: GlossaryEntryDto[];
  @ApiProperty({ type: ParticipationDto }) participation: ParticipationDto;
  @ApiProperty({ type: [HeadlineDto], description: 'The headline change per measure, for the summary' }) headlines: HeadlineDto[];
  @ApiProperty({ type: [MeasureReportDto] }) measures: MeasureReportDto[];
  @ApiProperty({ type: ItemAnalysisDto, description: 'Knowledge items, pre and post, like Moodle\'s quiz statistics' }) itemAnalysis: ItemAnalysisDto;
  @ApiProperty({ type: ItemShiftsDto }) itemShifts: ItemShiftsDto;
  @ApiProperty({ type: [LearnerRowDto], description: 'The first 500 learners by name (learnersTotal says how many there are)' }) learners: LearnerRowDto[];
  @ApiProperty({ description: 'Learners in the table (everyone not withdrawn)' }) learnersTotal: number;
  @ApiProperty({ type: [BreakdownDto] }) breakdowns: BreakdownDto[];
  @ApiProperty({ type: [ScenarioStatsDto] }) scenarios: ScenarioStatsDto[];
  @ApiProperty({ type: () => PracticeReportDto, nullable: true, description: 'Behaviour follow-up (self-report); null when the course has no practice questionnaire' })
  practice: PracticeReportDto | null;
}
