import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { PracticeReportDto } from '../reports/practice-report.dto.js';
import { WithheldDto } from '../reports/report.dto.js';

export const ARMS = ['treated', 'waitlist'] as const;
export const ASSIGNMENTS = ['hand', 'random'] as const;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StudyCohortInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() cohortId: string;
  @ApiPropertyOptional({ enum: ARMS, description: 'Required when assigning by hand; ignored for a random assignment' })
  @IsOptional() @IsIn(ARMS) arm?: (typeof ARMS)[number];
}

export class CreateStudyDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 160) name: string;
  @ApiProperty({ enum: ASSIGNMENTS }) @IsIn(ASSIGNMENTS) assignment: (typeof ASSIGNMENTS)[number];
  @ApiPropertyOptional({ description: 'Random assignment: a seed of 32 hex characters to reuse; one is drawn when absent' })
  @IsOptional() @Matches(/^[0-9a-f]{32}$/, { message: 'seed must be 32 lower-case hex characters' }) seed?: string;
  @ApiProperty({ type: [StudyCohortInputDto] })
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => StudyCohortInputDto) cohorts: StudyCohortInputDto[];
  @ApiProperty({ format: 'date', description: 'Planned first baseline (both arms), YYYY-MM-DD' }) @Matches(DATE) @IsISO8601({ strict: true }) baselineOn: string;
  @ApiProperty({ format: 'date', description: "Planned post-test of the treated arm" }) @Matches(DATE) @IsISO8601({ strict: true }) treatedPostOn: string;
  @ApiProperty({ format: 'date', description: "The waitlist's second baseline (Peru day); after it the waitlist starts the course" })
  @Matches(DATE) @IsISO8601({ strict: true }) secondBaselineOn: string;
  @ApiPropertyOptional({ format: 'date', description: 'Planned follow-up' }) @IsOptional() @Matches(DATE) @IsISO8601({ strict: true }) followUpOn?: string;
}

export class StudyArmDto {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ enum: ARMS }) arm: (typeof ARMS)[number];
  @ApiProperty({ enum: ASSIGNMENTS }) assignedBy: (typeof ASSIGNMENTS)[number];
  @ApiProperty({ nullable: true, type: String, description: 'Random assignment: SHA-256 hex of seed + cohort id (sorted; first half treated)' }) draw: string | null;
}

export class StudyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['waitlist'] }) design: 'waitlist';
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseKey: string;
  @ApiProperty({ enum: ASSIGNMENTS }) assignment: (typeof ASSIGNMENTS)[number];
  @ApiProperty({ nullable: true, type: String, description: 'Random assignment: the seed the draw is re-derived from' }) seed: string | null;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date' }) baselineOn: string;
  @ApiProperty({ format: 'date' }) treatedPostOn: string;
  @ApiProperty({ format: 'date-time' }) secondBaselineAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) followUpOn: string | null;
  @ApiProperty({ description: "The waitlist's second baseline is open (its date has come)" }) secondBaselineOpen: boolean;
  @ApiProperty({ type: [StudyArmDto] }) arms: StudyArmDto[];
}

export class StudyCohortOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) courseId: string | null;
  @ApiProperty({ nullable: true, type: String }) courseKey: string | null;
  @ApiProperty() learners: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The study the cohort is already in (at most one)' }) studyId: string | null;
}

export class ArmAttritionDto {
  @ApiProperty({ description: 'Learners in the statistics (evaluation use, consent not withdrawn)' }) inStatistics: number;
  @ApiProperty({ description: 'With the first measurement (knowledge or attitudes)' }) measuredBefore: number;
  @ApiProperty({ description: 'With both measurements of at least one measure' }) measuredBoth: number;
  @ApiProperty({ description: 'Measured before but not after' }) lost: number;
  @ApiProperty({ nullable: true, type: Number, description: 'lost / measuredBefore' }) attritionShare: number | null;
}

export class StudyArmReportDto {
  @ApiProperty({ enum: ARMS }) arm: (typeof ARMS)[number];
  @ApiProperty() label: string;
  @ApiProperty({ description: 'What "before" and "after" are for this arm' }) waves: string;
  @ApiProperty({ type: [String] }) cohortNames: string[];
  @ApiProperty({ type: ArmAttritionDto }) attrition: ArmAttritionDto;
  @ApiProperty({ type: PracticeReportDto, nullable: true, description: 'Behaviour follow-up (self-report) of this arm, shares with Wilson intervals' })
  practice: PracticeReportDto | null;
}

export class FourMeansDto {
  @ApiProperty() treatedBefore: number;
  @ApiProperty() treatedAfter: number;
  @ApiProperty() waitlistBefore: number;
  @ApiProperty() waitlistAfter: number;
}

export class StudyAncovaDto {
  @ApiProperty({ nullable: true, type: Number }) effect: number | null;
  @ApiProperty({ nullable: true, type: Number }) se: number | null;
  @ApiProperty({ nullable: true, type: Number }) t: number | null;
  @ApiProperty({ nullable: true, type: Number }) df: number | null;
  @ApiProperty({ nullable: true, type: Number }) p: number | null;
  @ApiProperty({ nullable: true, type: [Number] }) ci95: [number, number] | null;
}

export class StudyComparisonDto {
  @ApiProperty({ nullable: true, type: Number }) meanChangeTreated: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanChangeWaitlist: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'mean change treated − mean change waitlist (Welch)' }) difference: number | null;
  @ApiProperty({ nullable: true, type: [Number] }) ci95: [number, number] | null;
  @ApiProperty({ nullable: true, type: Number }) t: number | null;
  @ApiProperty({ nullable: true, type: Number }) df: number | null;
  @ApiProperty({ nullable: true, type: Number }) p: number | null;
  @ApiProperty({ nullable: true, type: Number }) hedgesG: number | null;
  @ApiProperty({ type: StudyAncovaDto, description: 'lm(after ~ before + treated)' }) ancova: StudyAncovaDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) undefinedReasons: Record<string, string>;
  @ApiProperty({ description: 'Plain-language reading' }) reading: string;
}

export class StudyMeasureDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['knowledge', 'attitude'] }) kind: 'knowledge' | 'attitude';
  @ApiProperty({ enum: ['percent', 'likert'] }) scale: 'percent' | 'likert';
  @ApiProperty({ description: 'Complete pairs in the treated arm' }) nTreated: number;
  @ApiProperty({ description: 'Complete pairs in the waitlist arm' }) nWaitlist: number;
  @ApiProperty({ type: WithheldDto, nullable: true }) withheld: WithheldDto | null;
  @ApiProperty({ type: FourMeansDto, nullable: true, description: 'Means over complete pairs, for the chart' }) means: FourMeansDto | null;
  @ApiProperty({ type: StudyComparisonDto, nullable: true }) comparison: StudyComparisonDto | null;
}

export class StudyReportDto {
  @ApiProperty({ type: StudyDto }) study: StudyDto;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() minGroupN: number;
  @ApiProperty({ description: 'Who is counted, and how before/after are defined per arm' }) method: string;
  @ApiProperty({ type: [StudyArmReportDto] }) arms: StudyArmReportDto[];
  @ApiProperty({ type: [StudyMeasureDto] }) measures: StudyMeasureDto[];
}
