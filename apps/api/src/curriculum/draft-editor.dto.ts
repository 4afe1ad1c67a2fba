import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ITEM_KINDS, type ItemKind, LOCALES, type Locale } from '#curriculum';
import { CourseVersionDto } from './authoring.dto.js';

export class ItemRevisionDto {
  @ApiProperty({ example: 'lesson:m01.l01', description: '`kind:key` of the item' }) itemId: string;
  @ApiProperty({ description: 'Goes up by one with every saved change of the item' }) revision: number;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Display name of the editor who saved it last' }) updatedBy: string | null;
}

export class TextEditDto {
  @ApiProperty({ example: 'lesson:m01.l01' }) itemId: string;
  @ApiProperty({ example: 'body', description: 'The text inside the item, named by keys: body, options.b.feedback, nodes.n3.situation…' }) textId: string;
  @ApiPropertyOptional({ description: 'When the Spanish text was last edited (ms since epoch)' }) es?: number;
  @ApiPropertyOptional({ description: 'When the English text was last edited (ms since epoch)' }) en?: number;
  @ApiPropertyOptional({ description: 'When the two languages last agreed (ms since epoch)' }) synced?: number;
}

export class DraftEditorDto {
  @ApiProperty({ type: CourseVersionDto }) version: CourseVersionDto;
  @ApiProperty({ type: [ItemRevisionDto], description: 'Items saved in this draft; an item not listed is at revision 0' }) revisions: ItemRevisionDto[];
  @ApiProperty({ type: [TextEditDto], description: 'Texts edited in the platform, for the stale-translation flags' }) textEdits: TextEditDto[];
}

export class SaveItemDto {
  @ApiProperty({ minimum: 0, description: 'The revision the editor started from; a different current revision answers 409 DRAFT_ITEM_CONFLICT' })
  @IsInt() @Min(0) @Max(1_000_000_000) baseRevision: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole item, in the libs/curriculum schema (its key cannot change)' })
  @IsDefined() @IsObject() value: Record<string, unknown>;
}

export class SavedItemDto extends ItemRevisionDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The item as stored' }) value: Record<string, unknown>;
  @ApiProperty({ type: [TextEditDto] }) textEdits: TextEditDto[];
}

export class ConfirmTranslationDto {
  @ApiProperty({ example: 'body' }) @IsString() @Length(1, 300) @Matches(/^[\w.-]+$/) textId: string;
  @ApiProperty({ enum: LOCALES, description: 'The language that still says the same as the other one' }) @IsIn(LOCALES) locale: Locale;
}

export class ChangeNoteDto {
  @ApiProperty() @IsString() @Length(1, 5000) @Matches(/\S/, { message: 'must not be blank' }) es: string;
  @ApiProperty() @IsString() @Length(1, 5000) @Matches(/\S/, { message: 'must not be blank' }) en: string;
}

export class PublishDto {
  @ApiProperty({ type: ChangeNoteDto, description: 'What changed and why (Markdown, es and en); shown to trainers with the version' })
  @IsDefined() @ValidateNested() @Type(() => ChangeNoteDto) changeNote: ChangeNoteDto;
}

export class ImportFilesDto {
  @ApiProperty({
    type: 'object', additionalProperties: { type: 'string' },
    description: 'The course files by path, as the repository holds them: course.yaml, modules/*.yaml, assessments/*.yaml, scenarios/*.yaml',
  })
  @IsObject() files: Record<string, string>;
}

export const isItemKind = (value: string): value is ItemKind => (ITEM_KINDS as readonly string[]).includes(value);
