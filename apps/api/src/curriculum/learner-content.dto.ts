import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type {
  CourseOutline, CourseOutlineModule, MarkdownNode, LearnerAttitudeInstrument, LearnerKnowledgeTest, LearnerLesson, LearnerQuestion, LearnerQuiz,
  LearnerScenarioIntro,
} from '#curriculum';

// OpenAPI shapes of the learner views built in libs/curriculum; `implements` keeps them in step with the library.

/** Course Markdown parsed on the server (libs/curriculum/src/markdown-tree.ts): text, or [tag, ...children]. */
const MARKDOWN_TREE_TEXT =
  'Markdown parsed into a tree: a node is text or [tag, ...children] (tags p, h2–h4, ul, ol, li, blockquote, strong, em, br; an ol may start with its start number). Render as elements from that list and text as text';
export const markdownTree = (description = MARKDOWN_TREE_TEXT): ApiPropertyOptions => ({
  type: 'array',
  items: { oneOf: [{ type: 'string' }, { type: 'array', items: {} }] },
  description,
});

export class LearnerOptionDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
}

export class LearnerQuestionDto implements LearnerQuestion {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['single', 'multiple', 'trueFalse'] }) type: LearnerQuestion['type'];
  @ApiProperty() prompt: string;
  @ApiProperty({ type: [LearnerOptionDto] }) options: LearnerOptionDto[];
}

export class LearnerQuizDto implements LearnerQuiz {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Share of questions to answer correctly, 0–1' }) passMark: number;
  @ApiProperty() maxAttempts: number;
  @ApiProperty({ type: [LearnerQuestionDto] }) questions: LearnerQuestionDto[];
}

export class LearnerKnowledgeTestDto implements LearnerKnowledgeTest {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() instructions: string;
  @ApiProperty({ type: [LearnerQuestionDto] }) items: LearnerQuestionDto[];
}

export class ScalePointDto {
  @ApiProperty() value: number;
  @ApiProperty() label: string;
}

export class AttitudeItemViewDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
}

export class LearnerAttitudeInstrumentDto implements LearnerAttitudeInstrument {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() instructions: string;
  @ApiPropertyOptional() thenTestInstructions?: string;
  @ApiProperty({ type: [ScalePointDto] }) scale: ScalePointDto[];
  @ApiProperty({ type: [AttitudeItemViewDto] }) items: AttitudeItemViewDto[];
}

export class PracticeOptionViewDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: '"No aplica / no recibí casos": left out of the share' }) notApplicable: boolean;
}

export class PracticeItemViewDto {
  @ApiProperty() key: string;
  @ApiProperty() prompt: string;
  @ApiProperty({ type: [PracticeOptionViewDto], description: 'In order (a frequency scale), never shuffled' }) options: PracticeOptionViewDto[];
}

export class LearnerPracticeQuestionnaireDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() instructions: string;
  @ApiProperty() recallMonths: number;
  @ApiProperty({ type: [PracticeItemViewDto] }) items: PracticeItemViewDto[];
}

/** The behaviour follow-up of the learner's course version; null when that version has none. */
export class PracticeQuestionnaireViewDto {
  @ApiProperty({ type: LearnerPracticeQuestionnaireDto, nullable: true }) questionnaire: LearnerPracticeQuestionnaireDto | null;
}

export class SourceDto {
  @ApiProperty() citation: string;
  @ApiPropertyOptional() url?: string;
  @ApiProperty({ example: '2026-11-01' }) reviewedOn: string;
  @ApiProperty({ enum: ['firm', 'uncertain'] }) certainty: 'firm' | 'uncertain';
}

export class LearnerLessonDto implements LearnerLesson {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty(markdownTree()) body: MarkdownNode[];
  @ApiProperty({ type: [SourceDto] }) sources: SourceDto[];
  @ApiProperty({ description: 'The lesson ends with the learner\'s private action plan (three commitments)' }) actionPlan: boolean;
}

export class ScenarioDecisionNodeDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['decision'] }) kind: 'decision';
  @ApiProperty() situation: string;
  @ApiProperty({ type: [LearnerOptionDto] }) choices: LearnerOptionDto[];
}

export class ScenarioEndingNodeDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['ending'] }) kind: 'ending';
  @ApiProperty({ enum: ['good', 'mixed', 'poor'] }) outcome: 'good' | 'mixed' | 'poor';
  @ApiProperty() summary: string;
}

export const SCENARIO_NODE_SCHEMA = { oneOf: [{ $ref: getSchemaPath(ScenarioDecisionNodeDto) }, { $ref: getSchemaPath(ScenarioEndingNodeDto) }] };

export class LearnerScenarioDto implements LearnerScenarioIntro {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['police', 'municipal', 'all'] }) audience: LearnerScenarioIntro['audience'];
  @ApiProperty() intro: string;
  @ApiProperty() start: string;
}

/** What an outline lists of a lesson, scenario or instrument: its key and title (each its own schema name). */
class KeyTitleDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
}
class OutlineLessonDto extends KeyTitleDto {}
class OutlineQuizDto {
  @ApiProperty() key: string;
  @ApiProperty() passMark: number;
  @ApiProperty() maxAttempts: number;
  @ApiProperty() questionCount: number;
}
class OutlineScenarioRefDto extends KeyTitleDto {}
class OutlineScenarioDto extends OutlineScenarioRefDto {
  @ApiProperty({ enum: ['police', 'municipal', 'all'] }) audience: 'police' | 'municipal' | 'all';
}
class OutlineInstrumentDto extends KeyTitleDto {
  @ApiProperty() itemCount: number;
}
class ConsentChoicesDto {
  @ApiProperty() evaluation: string;
  @ApiProperty() courseOnly: string;
}

class ConsentDto {
  @ApiProperty({ description: 'Version of this consent text (stored with the learner\'s choice)' }) version: string;
  @ApiProperty() title: string;
  @ApiProperty(markdownTree(`The consent with the privacy rules in place. ${MARKDOWN_TREE_TEXT}`)) body: MarkdownNode[];
  @ApiProperty({ description: 'Markdown: who sees what (the same words as the report\'s privacy note and the codebook)' }) privacyRules: string;
  @ApiProperty({ type: ConsentChoicesDto }) choices: ConsentChoicesDto;
}

export class OutlineModuleDto implements CourseOutlineModule {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty({ type: [String] }) objectives: string[];
  @ApiProperty({ type: [OutlineLessonDto] }) lessons: OutlineLessonDto[];
  @ApiProperty({ type: OutlineQuizDto }) quiz: OutlineQuizDto;
  @ApiProperty({ type: OutlineScenarioRefDto, nullable: true }) scenario: OutlineScenarioRefDto | null;
}

export class CourseOutlineDto implements CourseOutline {
  @ApiProperty({ format: 'uuid' }) courseVersionId: string;
  @ApiProperty() version: number;
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() hours: number;
  @ApiProperty({ type: [OutlineModuleDto] }) modules: OutlineModuleDto[];
  @ApiProperty({ type: [OutlineScenarioDto] }) scenarios: OutlineScenarioDto[];
  @ApiProperty({ type: OutlineInstrumentDto }) knowledgeTest: OutlineInstrumentDto;
  @ApiProperty({ type: OutlineInstrumentDto }) attitudeInstrument: OutlineInstrumentDto;
  @ApiProperty({ type: ConsentDto }) consent: ConsentDto;
}

export class MyEnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status: 'active' | 'withdrawn';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) courseVersionId: string | null;
  @ApiProperty({ nullable: true, type: String }) courseTitle: string | null;
  @ApiProperty({ nullable: true, type: Number }) version: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'true: course with evaluation; false: course only; null: no consent yet' })
  evaluationUse: boolean | null;
  @ApiProperty({ nullable: true, type: String, description: 'Version of the consent text the current choice was made under' })
  consentVersion: string | null;
}
