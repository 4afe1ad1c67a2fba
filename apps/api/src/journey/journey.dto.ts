import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { MarkdownNode } from '#curriculum';
import { LearnerOptionDto, markdownTree } from '../curriculum/learner-content.dto.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,80}$/;
const ITEM_KEY = /^[a-z0-9][a-z0-9.-]{0,79}$/;

export class IdempotentDto {
  @ApiProperty({ description: 'Client-generated key (e.g. a UUID); a replay returns the first result and creates nothing' })
  @IsString() @Matches(IDEMPOTENCY_KEY, { message: 'idempotencyKey must be 8–80 letters, digits, - or _' })
  idempotencyKey: string;
}

export class ConsentChoiceDto extends IdempotentDto {
  @ApiProperty({ description: 'true: course with evaluation use; false: course only (answers kept out of every statistic and export)' })
  @IsBoolean({ message: 'evaluationUse must be true (course with evaluation) or false (course only)' })
  evaluationUse: boolean;
}

export class SubmitAnswersDto extends IdempotentDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Knowledge/quiz: item key → selected option keys (string[]). Attitude/then: item key → 1..5.',
  })
  @IsObject()
  answers: Record<string, unknown>;
}

export class FollowUpDto extends IdempotentDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Knowledge item key → selected option keys' })
  @IsObject()
  knowledge: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Attitude item key → 1..5' })
  @IsObject()
  attitude: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Behaviour follow-up (when the course version has one): item key → one option key; items may be skipped' })
  @IsOptional() @IsObject()
  practice?: Record<string, unknown>;
}

export class ScenarioChoiceDto extends IdempotentDto {
  @ApiProperty() @IsString() @Matches(ITEM_KEY) nodeKey: string;
  @ApiProperty() @IsString() @Matches(ITEM_KEY) choiceKey: string;
}

export class SaveDraftDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() answers: Record<string, unknown>;
}

export const ASSESSMENT_WAVES = ['pre', 'post'] as const;
export const ASSESSMENT_PARTS = ['knowledge', 'attitude', 'then'] as const;

export class AssessmentParams {
  @IsUUID() enrolmentId: string;
  @IsIn(ASSESSMENT_WAVES) wave: (typeof ASSESSMENT_WAVES)[number];
  @IsIn(ASSESSMENT_PARTS) part: (typeof ASSESSMENT_PARTS)[number];
}

/** The persisted XState snapshot (libs/journey's PersistedJourney); the web checks it with isPersistedJourney before use. */
export class JourneySnapshotDto {
  @ApiProperty({ enum: ['active', 'done'] }) status: 'active' | 'done';
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
    description: 'The machine state: a stage name, or a stage with its nested states',
  })
  value: string | object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The machine context (machineVersion, outline, progress, timestamps)' })
  context: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Always empty (no child actors)' }) children: Record<string, never>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Always empty (no history states)' }) historyValue: Record<string, never>;
}

export class JourneyStateDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ enum: ['consent', 'baseline', 'waiting', 'preAssessment', 'learning', 'postAssessment', 'completed', 'followUp', 'done', 'withdrawn'] }) stage: string;
  @ApiProperty() percentComplete: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: "A study's waitlist: when the second baseline (and the course) opens; null when not on a waitlist" })
  secondBaselineAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: "When the follow-up opens (the cohort's current delay after completion); null before completion" })
  followUpOpensAt: string | null;
  @ApiProperty({ type: JourneySnapshotDto, description: 'The persisted XState snapshot; hydrate libs/journey with it' })
  snapshot: JourneySnapshotDto;
}

export class OptionFeedbackDto {
  @ApiProperty() optionKey: string;
  @ApiProperty() correct: boolean;
  @ApiProperty() text: string;
}

export class QuestionFeedbackDto {
  @ApiProperty() key: string;
  @ApiProperty() answered: boolean;
  @ApiProperty() correct: boolean;
  @ApiProperty({ type: [OptionFeedbackDto], description: 'Feedback on each option the learner chose' }) options: OptionFeedbackDto[];
  @ApiPropertyOptional({ type: [String], description: 'Only once the quiz is passed or its round\'s last attempt used, or for the post-test and follow-up' }) correctOptionKeys?: string[];
  @ApiPropertyOptional({ type: [OptionFeedbackDto], description: 'Why each correct option is right; sent only with correctOptionKeys' }) explanations?: OptionFeedbackDto[];
}

export class GradeFeedbackDto {
  @ApiProperty({ description: '0–100' }) percent: number;
  @ApiProperty() correctCount: number;
  @ApiProperty() questionCount: number;
  @ApiPropertyOptional() passed?: boolean;
  @ApiPropertyOptional({ description: 'Quiz attempts left in this round' }) attemptsLeft?: number;
  @ApiPropertyOptional({ description: 'Quiz: the right answers and their explanations are included (passed, or the last attempt of the round)' }) answersRevealed?: boolean;
  @ApiProperty({ type: [QuestionFeedbackDto] }) questions: QuestionFeedbackDto[];
}

export class SubmissionResultDto {
  @ApiProperty({ type: JourneyStateDto }) journey: JourneyStateDto;
  @ApiPropertyOptional({ type: GradeFeedbackDto }) grade?: GradeFeedbackDto;
}

export class ScenarioNodeViewDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['decision', 'ending'] }) kind: 'decision' | 'ending';
  @ApiPropertyOptional(markdownTree('A decision: the situation. Markdown parsed into a tree (see a lesson body)')) situation?: MarkdownNode[];
  @ApiPropertyOptional({ type: [LearnerOptionDto] }) choices?: LearnerOptionDto[];
  @ApiPropertyOptional({ enum: ['good', 'mixed', 'poor'] }) outcome?: 'good' | 'mixed' | 'poor';
  @ApiPropertyOptional(markdownTree('An ending: what the path led to. Markdown parsed into a tree (see a lesson body)')) summary?: MarkdownNode[];
}

export class ScenarioStepDto {
  @ApiProperty() nodeKey: string;
  @ApiProperty() choiceKey: string;
  @ApiProperty() choiceText: string;
  @ApiProperty() feedback: string;
  @ApiProperty({ description: '0 harmful … 2 rights-respecting' }) points: number;
  @ApiProperty({ description: 'A critical error: it decides the ending whatever the score' }) critical: boolean;
}

export class ScenarioRunDto {
  @ApiProperty() scenarioKey: string;
  @ApiProperty() title: string;
  @ApiProperty(markdownTree()) intro: MarkdownNode[];
  @ApiProperty({ type: [ScenarioStepDto] }) steps: ScenarioStepDto[];
  @ApiProperty({ type: ScenarioNodeViewDto }) current: ScenarioNodeViewDto;
  @ApiProperty() finished: boolean;
  @ApiProperty() score: number;
  @ApiProperty() maxScore: number;
}

export class ScenarioChoiceResultDto extends ScenarioRunDto {
  @ApiProperty({ type: JourneyStateDto }) journey: JourneyStateDto;
}

export class DraftDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

/** The most actions one replay request carries; a longer queue goes in several, oldest first. */
export const QUEUE_BATCH_MAX = 20;

export class QueuedSubmissionsDto {
  @ApiProperty({
    type: 'array',
    minItems: 1,
    maxItems: QUEUE_BATCH_MAX,
    items: { type: 'object', additionalProperties: true },
    description:
      "The phone's queued actions for this enrolment, oldest first. Each is { kind, idempotencyKey, lang?, … } with the fields of its single route " +
      '(consent: evaluationUse; withdraw; lesson: lessonKey; assessment: wave, part, answers; quiz: moduleKey, answers; scenario: scenarioKey, nodeKey, choiceKey; followUp: knowledge, attitude, practice?).',
  })
  // Checked by QueuedItemsPipe (the shape only; each item as its own route checks it).
  items: Record<string, unknown>[];
}

export class QueuedOutcomeDto {
  @ApiProperty() idempotencyKey: string;
  @ApiProperty({ description: '200: recorded (or recorded before: the first answer); otherwise the status its single route would have answered' })
  status: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "With 200: what the single route answers (SubmissionResultDto or ScenarioChoiceResultDto) without its `journey`: the queue's journey is given once, after the last action",
  })
  result?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'With a refusal: the error code (the same as the single route)' }) code?: string;
  @ApiPropertyOptional() message?: string;
}

export class QueuedOutcomesDto {
  @ApiProperty({ type: [QueuedOutcomeDto], description: 'One per item, in the same order' }) outcomes: QueuedOutcomeDto[];
  @ApiProperty({ type: JourneyStateDto, description: 'The journey after the whole queue (each single route would have answered its own)' }) journey: JourneyStateDto;
}
