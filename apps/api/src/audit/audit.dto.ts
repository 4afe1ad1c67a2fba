import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from './audit-actions.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Filters of the audit log (all optional, combined with AND), newest first, a page at a time. */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Who acted: an account id or e-mail' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(254) actor?: string;
  @ApiPropertyOptional({ description: 'Whom it concerns: an account id or e-mail (also matches reads of their cohorts while they were enrolled, and account lists)' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(254) subject?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cohortId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive)' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Until this time (exclusive)' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ description: 'Entries before this sequence number (the previous page\'s nextBefore)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) before?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class AuditEntryDto {
  @ApiProperty() seq: number;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the account no longer exists' }) actorName: string | null;
  @ApiProperty({ enum: ['learner', 'trainer', 'admin', 'system'] }) actorRole: 'learner' | 'trainer' | 'admin' | 'system';
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when there is none or the account was erased' }) subjectName: string | null;
  @ApiProperty({ type: [String] }) cohortIds: string[];
  @ApiProperty({ type: [String] }) cohortNames: string[];
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ description: 'Ids, counts and field names (never names or answers)', type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) entries: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as `before` for the next (older) page; null at the end' }) nextBefore: number | null;
}

export class AuditIntegrityDto {
  @ApiProperty() entries: number;
  @ApiProperty({ description: 'Every entry matches its hash and links to the one before it' }) intact: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The first entry where the chain fails' }) brokenAt: number | null;
  @ApiProperty({ nullable: true, type: Number }) headSeq: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hash of the newest entry: note it down elsewhere to detect a rewritten chain later' }) headHash: string | null;
}
