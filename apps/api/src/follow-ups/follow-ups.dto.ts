import { ApiProperty } from '@nestjs/swagger';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from './follow-up-schedule.js';

export class FollowUpEntryDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() learnerName: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: FollowUpStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: "When the follow-up opens under the cohort's current delay; null before completion" })
  dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'dueAt as a calendar day in Peru (America/Lima)' }) dueOn: string | null;
  @ApiProperty({ description: "The learner's follow-up page (they sign in as usual; the link carries no credential)" }) link: string;
}

export class WaitlistEntryDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() learnerName: string;
  @ApiProperty({ enum: ['baseline', 'waiting', 'due', 'answered'], description: 'baseline: first baseline not taken; waiting: taken, date ahead; due: second baseline open, not answered; answered' })
  status: 'baseline' | 'waiting' | 'due' | 'answered';
  @ApiProperty({ description: "The learner's course page (the second baseline opens there)" }) link: string;
}

export class WaitlistScheduleDto {
  @ApiProperty({ format: 'date-time', description: "When the study's second baseline opens for this waitlist cohort" }) secondBaselineAt: string;
  @ApiProperty({ format: 'date', description: 'secondBaselineAt as a calendar day in Peru' }) secondBaselineOn: string;
  @ApiProperty({ type: [WaitlistEntryDto] }) learners: WaitlistEntryDto[];
}

export class FollowUpScheduleDto {
  @ApiProperty({ description: "The cohort's current follow-up delay in days: every learner not yet asked follows it" }) followUpDays: number;
  @ApiProperty({ type: [FollowUpEntryDto], description: 'Active learners, by due date (soonest first), then by name' }) learners: FollowUpEntryDto[];
  @ApiProperty({ type: WaitlistScheduleDto, nullable: true, description: "The cohort is a study's waitlist: its second-baseline date and who answered it" })
  waitlist: WaitlistScheduleDto | null;
}
