import { ApiProperty } from '@nestjs/swagger';

export const ITEM_FLAGS = ['too_easy', 'low_discrimination', 'negative_discrimination', 'unused_distractor'] as const;

export class OptionShareDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty() correct: boolean;
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number, description: '0–1 of the learners who took the test' }) share: number | null;
}

export class KnowledgeItemStatDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty() module: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Share correct, unanswered counted wrong (the score rule)' }) facility: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Corrected item–total correlation (point-biserial)' }) discrimination: number | null;
  @ApiProperty({ type: [OptionShareDto] }) options: OptionShareDto[];
  @ApiProperty({ nullable: true, type: Number }) unansweredShare: number | null;
  @ApiProperty({ type: [String], enum: ITEM_FLAGS }) flags: (typeof ITEM_FLAGS)[number][];
}

export class Kr20Dto {
  @ApiProperty() n: number;
  @ApiProperty() k: number;
  @ApiProperty({ nullable: true, type: Number }) alpha: number | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }) ci95: [number, number] | null;
}

export class ItemWaveAnalysisDto {
  @ApiProperty({ description: 'Learners who took the test and answered at least one item' }) n: number;
  @ApiProperty({ description: 'Took the test but answered nothing: missing, in no figure' }) nEmpty: number;
  @ApiProperty({ type: Kr20Dto }) kr20: Kr20Dto;
  @ApiProperty({ type: [KnowledgeItemStatDto] }) items: KnowledgeItemStatDto[];
}

export class ItemAnalysisDto {
  @ApiProperty({ type: ItemWaveAnalysisDto }) pre: ItemWaveAnalysisDto;
  @ApiProperty({ type: ItemWaveAnalysisDto }) post: ItemWaveAnalysisDto;
}

export class ItemShiftDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) subscale: string | null;
  @ApiProperty({ description: 'Learners with this item at pre and post' }) n: number;
  @ApiProperty({ description: 'Fewer than 5 paired learners: values withheld' }) suppressed: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Knowledge: share correct; attitude: mean after re-keying (1–5)' }) pre: number | null;
  @ApiProperty({ nullable: true, type: Number }) post: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'post − pre over the same learners' }) shift: number | null;
}

/** Item shifts over paired learners, each list ranked by |shift| within its own scale. */
export class ItemShiftsDto {
  @ApiProperty({ type: [ItemShiftDto], description: 'Share correct (0–1), largest |shift| first' }) knowledge: ItemShiftDto[];
  @ApiProperty({ type: [ItemShiftDto], description: 'Mean 1–5 after re-keying, largest |shift| first' }) attitude: ItemShiftDto[];
}
