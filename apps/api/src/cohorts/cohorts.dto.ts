import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { REGIONS, type Region } from '../users/user.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCohortDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 160) name: string;
  @ApiPropertyOptional({ enum: REGIONS, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(REGIONS) region?: Region | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Pinned course version; unset = latest published at enrolment' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() courseVersionId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) startDate?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) endDate?: string | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 730 }) @IsOptional() @IsInt() @Min(0) @Max(730) followUpDays?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only: the trainer who runs the cohort' }) @IsOptional() @IsUUID() trainerId?: string;
}

export class UpdateCohortDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 160) name?: string;
  @ApiPropertyOptional({ enum: REGIONS, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(REGIONS) region?: Region | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() courseVersionId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) startDate?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) endDate?: string | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 730 }) @IsOptional() @IsInt() @Min(0) @Max(730) followUpDays?: number;
}

export class AssignTrainerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() trainerId: string;
}

export class CreateInviteCodeDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 10000, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) @Max(10000) maxUses?: number | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString() expiresAt?: string | null;
}

/** A page of a cohort's invite codes, newest first. */
export class InviteCodePageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000) offset?: number;
}

export class CohortDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Demonstration data (simulated learners from the demo seed): label it as such wherever it is shown' }) isDemo: boolean;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) trainerId: string | null;
  @ApiProperty({ nullable: true, type: String }) trainerName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) courseVersionId: string | null;
  @ApiProperty({ nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty() followUpDays: number;
  @ApiProperty() enrolled: number;
  @ApiProperty() active: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'Mean percent complete of active learners' }) meanPercentComplete: number;
}

export class InviteCodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) maxUses: number | null;
  @ApiProperty() uses: number;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ description: 'Usable now (not revoked, not expired, uses left)' }) usable: boolean;
  @ApiProperty() createdAt: string;
}

export class RosterEntryDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() learnerName: string;
  @ApiProperty({ nullable: true, type: String }) positionType: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status: string;
  @ApiProperty() stage: string;
  @ApiProperty() percentComplete: number;
  @ApiProperty() quizAttempts: number;
  @ApiProperty() quizzesPassed: number;
  @ApiProperty({ nullable: true, type: String }) lastActivityAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty() enrolledAt: string;
}
