import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString } from 'class-validator';

export const ACTION_PLAN_SIZE = 3;
export const COMMITMENT_MAX_CHARS = 500;
export const FOLLOW_UP_STATUSES = ['done', 'partly', 'not_yet'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export class SaveActionPlanDto {
  @ApiProperty({ type: [String], minItems: 3, maxItems: 3, description: 'Exactly three commitments, each 1–500 characters after trimming' })
  @IsArray({ message: 'commitments must be a list of three texts' })
  @ArrayMinSize(ACTION_PLAN_SIZE, { message: 'commitments must have exactly three entries' })
  @ArrayMaxSize(ACTION_PLAN_SIZE, { message: 'commitments must have exactly three entries' })
  @IsString({ each: true, message: 'each commitment must be a text' })
  commitments: string[];
}

export class SaveActionPlanFollowUpDto {
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...FOLLOW_UP_STATUSES] }, minItems: 3, maxItems: 3, description: 'One per commitment, in order' })
  @IsArray({ message: 'status must be a list of three answers' })
  @ArrayMinSize(ACTION_PLAN_SIZE, { message: 'status must have exactly three entries, one per commitment' })
  @ArrayMaxSize(ACTION_PLAN_SIZE, { message: 'status must have exactly three entries, one per commitment' })
  @IsIn(FOLLOW_UP_STATUSES, { each: true, message: 'each status must be done, partly or not_yet' })
  status: FollowUpStatus[];
}

export class ActionPlanDto {
  @ApiProperty({ type: [String], nullable: true, description: 'The three commitments; null until the learner writes them' })
  commitments: string[] | null;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...FOLLOW_UP_STATUSES] }, nullable: true, description: 'Follow-up self-assessment, one per commitment; null until answered' })
  followUpStatus: FollowUpStatus[] | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  updatedAt: string | null;
}
