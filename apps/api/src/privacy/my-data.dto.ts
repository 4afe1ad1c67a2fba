import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction } from '../audit/audit-actions.js';
import { UserDto } from '../users/user.mapper.js';

export class MyProfileDto extends UserDto {
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProfileChangeDto {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['display_name', 'legal_name', 'position_type', 'institution', 'region'] }) field: string;
  @ApiProperty({ enum: ['self', 'staff', 'unknown'], description: 'Who made the change' }) by: 'self' | 'staff' | 'unknown';
  @ApiProperty({ nullable: true, type: String, description: 'Kept only for the legal name (certificates were issued under it), and only for a limited time' })
  oldValue: string | null;
}

export class ConsentRecordDto {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['given', 'changed', 'withdrawn'] }) action: string;
  @ApiProperty() consentVersion: string;
  @ApiProperty({ nullable: true, type: Boolean }) evaluationUse: boolean | null;
}

export class MyAnswerDto {
  @ApiProperty() itemKey: string;
  @ApiProperty({ description: 'The answer as JSON text (options chosen, or a scale point)' }) value: string;
  @ApiProperty({ nullable: true, type: Boolean }) correct: boolean | null;
}

export class MyAttemptDto {
  @ApiProperty({ enum: ['knowledge', 'attitude', 'quiz', 'scenario'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) wave: string | null;
  @ApiProperty({ nullable: true, type: String }) moduleKey: string | null;
  @ApiProperty() targetKey: string;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed: boolean | null;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty() at: string;
  @ApiProperty({ type: [MyAnswerDto] }) answers: MyAnswerDto[];
}

export class MyScenarioRunDto {
  @ApiProperty() scenarioKey: string;
  @ApiProperty({ description: 'The choices made, as JSON text' }) choices: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class MyDraftDto {
  @ApiProperty() target: string;
  @ApiProperty({ description: 'Answers saved while writing, as JSON text' }) answers: string;
  @ApiProperty() updatedAt: string;
}

export class MyActionPlanDto {
  @ApiProperty({ type: [String] }) commitments: string[];
  @ApiProperty({ type: [String], nullable: true }) followupStatus: string[] | null;
  @ApiProperty({ nullable: true, type: String }) followupAt: string | null;
  @ApiProperty() updatedAt: string;
}

export class MyCertificateDto {
  @ApiProperty() code: string;
  @ApiProperty() learnerName: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() completedAt: string;
  @ApiProperty() issuedAt: string;
}

export class MyEnrolmentDataDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status: string;
  @ApiProperty() stage: string;
  @ApiProperty() percentComplete: number;
  @ApiProperty() enrolledAt: string;
  @ApiProperty({ nullable: true, type: String }) lastActivityAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) removedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) consentWithdrawnAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'true: evaluation use; false: course only; null: no consent yet' }) evaluationUse: boolean | null;
  @ApiProperty({ nullable: true, type: String }) consentVersion: string | null;
  @ApiProperty({ type: [ConsentRecordDto] }) consentHistory: ConsentRecordDto[];
  @ApiProperty({ type: [MyAttemptDto] }) attempts: MyAttemptDto[];
  @ApiProperty({ type: [MyScenarioRunDto] }) scenarioRuns: MyScenarioRunDto[];
  @ApiProperty({ type: [MyDraftDto] }) drafts: MyDraftDto[];
  @ApiProperty({ type: MyActionPlanDto, nullable: true }) actionPlan: MyActionPlanDto | null;
  @ApiProperty({ type: MyCertificateDto, nullable: true }) certificate: MyCertificateDto | null;
}

export class AccessLogEntryDto {
  @ApiProperty() at: string;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ enum: ['learner', 'trainer', 'admin', 'system'] }) actorRole: string;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ type: [String] }) cohortNames: string[];
}

export class DeletionRequestStatusDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ enum: ['keep', 'revoke'] }) certificateChoice: 'keep' | 'revoke';
  @ApiProperty({ enum: ['pending', 'cancelled', 'rejected', 'completed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
}

/** Everything Respeta holds about one person (the right of access and portability). */
export class MyDataDto {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: MyProfileDto }) profile: MyProfileDto;
  @ApiProperty({ type: [ProfileChangeDto] }) profileChanges: ProfileChangeDto[];
  @ApiProperty({ type: [MyEnrolmentDataDto] }) enrolments: MyEnrolmentDataDto[];
  @ApiProperty({ type: [AccessLogEntryDto], description: 'Staff who read or changed this person\'s data (from the audit log), newest first' })
  accessLog: AccessLogEntryDto[];
  @ApiProperty({ type: [DeletionRequestStatusDto] }) deletionRequests: DeletionRequestStatusDto[];
}
