import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ITEM_KINDS, type ItemKind } from '#curriculum';
import { IsArray, IsDefined, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export class LocalizedTextDto {
  @ApiProperty() @IsString() @Length(1, 20_000) es: string;
  @ApiProperty() @IsString() @Length(1, 20_000) en: string;
}

export class UpdateLessonDto {
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) title?: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) body?: LocalizedTextDto;
}

export class UpdateOptionTextDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9][a-z0-9.-]*$/) @MaxLength(80) key: string;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) text?: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) feedback?: LocalizedTextDto;
}

export class UpdateQuestionDto {
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) prompt?: LocalizedTextDto;
  @ApiPropertyOptional({ type: [UpdateOptionTextDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => UpdateOptionTextDto) options?: UpdateOptionTextDto[];
}

export class UpdateItemDto {
  @ApiProperty({ type: LocalizedTextDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) text: LocalizedTextDto;
}

export class ReplaceContentDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A whole course in the libs/curriculum schema' })
  @IsObject()
  content: Record<string, unknown>;
}

export class ProblemPlaceDto {
  @ApiProperty({ enum: ITEM_KINDS }) kind: ItemKind;
  @ApiProperty() key: string;
  @ApiProperty({ example: 'body.es', description: 'Where inside the item' }) field: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'modules[2].quiz.questions[0].options' }) path: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() file?: string;
  @ApiPropertyOptional({ type: ProblemPlaceDto, description: 'The item to open to fix it' }) place?: ProblemPlaceDto;
}

export class ValidationReportDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: [ProblemDto] }) problems: ProblemDto[];
}

export class LocalizedNoteDto {
  @ApiProperty() es: string;
  @ApiProperty() en: string;
}

export class CourseVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseKey: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ nullable: true, type: Number }) version: number | null;
  @ApiProperty() contentHash: string;
  @ApiProperty({ enum: ['import', 'authoring'] }) source: 'import' | 'authoring';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) basedOnId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: LocalizedNoteDto, description: 'What changed in this version (Markdown, es and en)' }) changeNote: LocalizedNoteDto | null;
}

export class CourseVersionDto extends CourseVersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Full content including answer keys (staff only)' })
  content: Record<string, unknown>;
}

export class CourseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: CourseVersionSummaryDto, nullable: true }) latestPublished: CourseVersionSummaryDto | null;
  @ApiProperty({ type: CourseVersionSummaryDto, nullable: true }) draft: CourseVersionSummaryDto | null;
}

export class ImportResultDto {
  @ApiProperty({ type: CourseVersionDto, description: 'The draft that now holds the imported files' }) version: CourseVersionDto;
  @ApiProperty({ type: ValidationReportDto, description: 'What still blocks publishing' }) report: ValidationReportDto;
}
