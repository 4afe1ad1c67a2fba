import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ITEM_KINDS, type ItemChangeKind, type ItemKind } from '#curriculum';
import { LocalizedNoteDto } from '../curriculum/authoring.dto.js';

export class VersionLearnersDto {
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Active learners on this version' }) learners: number;
  @ApiProperty({ description: 'Of those, learners who have not started (no consent, answer or attempt yet): they can be moved' }) notStarted: number;
}

export class ItemChangeDto {
  @ApiProperty({ enum: ITEM_KINDS }) kind: ItemKind;
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['changed', 'added', 'removed'] }) change: ItemChangeKind;
  @ApiProperty({ type: LocalizedNoteDto, description: 'Title, prompt or statement of the item' }) label: LocalizedNoteDto;
}

export class NewerVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() publishedAt: string;
  @ApiProperty({ type: LocalizedNoteDto, nullable: true, description: 'What changed and why, as its editors wrote it' }) changeNote: LocalizedNoteDto | null;
  @ApiProperty({ type: [ItemChangeDto], description: 'Items that differ from the oldest version the cohort’s learners are on' }) changes: ItemChangeDto[];
}

export class CohortCourseVersionDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The version new learners get (the cohort’s, else the latest published)' }) currentVersionId: string | null;
  @ApiProperty({ nullable: true, type: Number }) currentVersion: number | null;
  @ApiProperty({ description: 'True when the cohort names its version; false when new learners get the latest published one' }) fixed: boolean;
  @ApiProperty({ type: [VersionLearnersDto], description: 'Active learners per version, oldest first' }) learners: VersionLearnersDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'The version the comparison starts from: the oldest any learner is on, else the current one' }) baseVersion: number | null;
  @ApiProperty({ type: [NewerVersionDto], description: 'Published versions newer than the base, newest first' }) newer: NewerVersionDto[];
}

export class MoveCohortVersionDto {
  @ApiProperty({ format: 'uuid', description: 'A published version of the course, not older than the cohort’s current one' }) @IsUUID() courseVersionId: string;
}

export class MoveCohortVersionResultDto {
  @ApiProperty({ description: 'Learners moved (they had not started)' }) moved: number;
  @ApiProperty({ description: 'Learners who stay on their version because they have started (their attempts stay pinned)' }) stayed: number;
  @ApiProperty({ type: CohortCourseVersionDto }) state: CohortCourseVersionDto;
}
