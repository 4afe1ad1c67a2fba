import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WilcoxonDto {
  @ApiProperty({ nullable: true, type: Number }) v: number | null;
  @ApiProperty({ nullable: true, type: Number }) p: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['exact', 'normal'] }) method: string | null;
}

/** A paired comparison; a statistic that is undefined for the data is null and `undefinedReasons` says why. */
export class ComparisonDto {
  @ApiProperty() n: number;
  @ApiProperty({ nullable: true, type: Number }) meanPre: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanPost: number | null;
  @ApiProperty({ nullable: true, type: Number }) sdPre: number | null;
  @ApiProperty({ nullable: true, type: Number }) sdPost: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanDiff: number | null;
  @ApiProperty({ nullable: true, type: Number }) sdDiff: number | null;
  @ApiProperty({ nullable: true, type: [Number], description: '[low, high]' }) ci95: [number, number] | null;
  @ApiProperty({ nullable: true, type: Number }) t: number | null;
  @ApiProperty({ nullable: true, type: Number }) df: number | null;
  @ApiProperty({ nullable: true, type: Number }) p: number | null;
  @ApiProperty({ type: WilcoxonDto }) wilcoxon: WilcoxonDto;
  @ApiProperty({ nullable: true, type: Number }) dz: number | null;
  @ApiProperty({ nullable: true, type: Number }) dav: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) undefinedReasons: Record<string, string>;
  @ApiProperty({ description: 'One plain-language sentence in the requested language' }) reading: string;
}

export class AlphaDto {
  @ApiProperty() n: number;
  @ApiProperty() k: number;
  @ApiProperty({ nullable: true, type: Number }) alpha: number | null;
  @ApiProperty({ nullable: true, type: [Number] }) ci95: [number, number] | null;
  @ApiProperty({ type: [Object], description: 'α if each item were deleted' }) alphaIfDeleted: { itemKey: string; alpha: number | null }[];
  @ApiProperty({ description: 'α below 0.70' }) warning: boolean;
  @ApiProperty() reading: string;
}

export class WaveStatsDto {
  @ApiProperty() n: number;
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
  @ApiProperty({ nullable: true, type: Number }) sd: number | null;
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
  @ApiProperty({ nullable: true, type: [Number], description: '[lowest, highest] score at either wave' }) range: [number, number] | null;
}

export class MeasureReportDto {
  @ApiProperty({ description: "'knowledge' or an attitude subscale key" }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['percent', 'likert'] }) scale: 'percent' | 'likert';
  @ApiProperty({ description: 'Learners with both pre and post' }) nPairs: number;
  @ApiProperty({ description: 'Learners with pre but no post (attrition), never imputed' }) nUnpaired: number;
  @ApiProperty({ type: WaveStatsDto }) pre: WaveStatsDto;
  @ApiProperty({ type: WaveStatsDto }) post: WaveStatsDto;
  @ApiProperty({ type: ComparisonDto }) change: ComparisonDto;
  @ApiProperty({ type: ChangeDistributionDto, description: 'How the changes of the complete pairs are spread (for the histogram)' })
  distribution: ChangeDistributionDto;
  @ApiProperty({
    type: 'array', items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    description: `[pre, post] of at most ${PAIR_SAMPLE} complete pairs spread evenly over the learners, for the slope chart`,
  })
  pairSample: [number, number][];
  @ApiPropertyOptional({ type: AlphaDto }) alphaPre?: AlphaDto;
  @ApiPropertyOptional({ type: AlphaDto }) alphaPost?: AlphaDto;
  @ApiPropertyOptional({ type: ComparisonDto, description: 'then − pre' }) responseShift?: ComparisonDto;
  @ApiPropertyOptional({ type: ComparisonDto, description: 'post − then' }) programmeEffect?: ComparisonDto;
  @ApiPropertyOptional({ type: ComparisonDto, description: 'follow-up − post' }) retention?: ComparisonDto;
}

export class ItemShiftDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['attitude', 'knowledge'] }) kind: 'attitude' | 'knowledge';
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) subscale: string | null;
  @ApiProperty() reverse: boolean;
  @ApiProperty({ type: WaveStatsDto }) pre: WaveStatsDto;
  @ApiProperty({ type: WaveStatsDto }) post: WaveStatsDto;
  @ApiProperty({ nullable: true, type: Number, description: 'post mean − pre mean' }) shift: number | null;
}

export class LearnerScoresDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) positionType: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty() stage: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'measure key → { pre, post, change }' })
  measures: Record<string, { pre: number | null; post: number | null; change: number | null }>;
}

export class GroupDto {
  @ApiProperty() key: string;
  @ApiProperty() suppressed: boolean;
  @ApiPropertyOptional({ enum: ['small_n', 'complementary'] }) reason?: string;
  @ApiPropertyOptional({ description: 'Learners with a complete pre/post pair' }) n?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'measure key → mean change' }) meanChange?: Record<string, number | null>;
}

export class BreakdownDto {
  @ApiProperty({ enum: ['positionType', 'region'] }) by: string;
  @ApiProperty({ type: [GroupDto] }) groups: GroupDto[];
  @ApiProperty({ nullable: true, type: Number }) totalN: number | null;
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
  @ApiProperty({ type: [ScenarioChoiceStatDto] }) choices: ScenarioChoiceStatDto[];
}

export class ScenarioStatsDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ScenarioNodeStatDto] }) nodes: ScenarioNodeStatDto[];
}

export class ParticipationDto {
  @ApiProperty() enrolled: number;
  @ApiProperty() active: number;
  @ApiProperty() removed: number;
  @ApiProperty({ description: 'Withdrew consent: excluded from every statistic' }) consentWithdrawn: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byStage: Record<string, number>;
}

export class CohortReportDto {
  @ApiProperty({ type: [Object] }) cohorts: { id: string; name: string }[];
  @ApiProperty() courseTitle: string;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: ParticipationDto }) participation: ParticipationDto;
  @ApiProperty({ type: [MeasureReportDto] }) measures: MeasureReportDto[];
  @ApiProperty({ type: [ItemShiftDto] }) items: ItemShiftDto[];
  @ApiProperty({ type: [String] }) mostMoved: string[];
  @ApiProperty({ type: [String] }) leastMoved: string[];
  @ApiProperty({ type: [LearnerScoresDto], description: 'The first 500 learners by name (learnersTotal says how many there are)' }) learners: LearnerScoresDto[];
  @ApiProperty({ description: 'Learners in the report (all of them are in the statistics, the roster and the exports)' }) learnersTotal: number;
  @ApiProperty({ type: [BreakdownDto] }) breakdowns: BreakdownDto[];
  @ApiProperty({ type: [ScenarioStatsDto] }) scenarios: ScenarioStatsDto[];
}
