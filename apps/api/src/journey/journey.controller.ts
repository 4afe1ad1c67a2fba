import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Locale } from '#curriculum';
import { CurrentUser, Roles, SessionCheckedWithWrite } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ItemKeyPipe } from '../common/item-key.pipe.js';
import { RequestLocale } from '../curriculum/request-locale.js';
import {
  AssessmentParams, ConsentChoiceDto, DraftDto, FollowUpDto, IdempotentDto, JourneyStateDto, QueuedOutcomesDto, QueuedSubmissionsDto, SaveDraftDto,
  ScenarioChoiceDto, ScenarioChoiceResultDto, ScenarioRunDto, SubmissionResultDto, SubmitAnswersDto,
} from './journey.dto.js';
import { AnswerDrafts } from './answer-drafts.service.js';
import { JourneyService } from './journey.service.js';
import { QueuedItemsPipe, type QueuedItems } from './queued-items.pipe.js';
import { QueuedSubmissions } from './queued-submissions.service.js';
import { ScenarioRuns } from './scenario-runs.service.js';

@ApiTags('journey')
@ApiBearerAuth()
@ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
@Roles('learner')
@Controller('enrolments/:enrolmentId')
export class JourneyController {
  constructor(
    private readonly journey: JourneyService,
    private readonly scenarios: ScenarioRuns,
    private readonly drafts: AnswerDrafts,
    private readonly queued: QueuedSubmissions,
  ) {}

  @Get('journey')
  @ApiOkResponse({ type: JourneyStateDto })
  state(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string): Promise<JourneyStateDto> {
    return this.journey.state(user, id);
  }

  @Post('consent')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiOkResponse({ type: SubmissionResultDto })
  consent(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Body() dto: ConsentChoiceDto) {
    return this.journey.consent(user, id, dto.idempotencyKey, dto.evaluationUse);
  }

  @Put('evaluation-use')
  @SessionCheckedWithWrite()
  @ApiOkResponse({ type: SubmissionResultDto })
  changeEvaluationUse(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Body() dto: ConsentChoiceDto) {
    return this.journey.changeEvaluationUse(user, id, dto.idempotencyKey, dto.evaluationUse);
  }

  @Post('withdraw')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiOkResponse({ type: SubmissionResultDto })
  withdraw(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Body() dto: IdempotentDto) {
    return this.journey.withdraw(user, id, dto.idempotencyKey);
  }

  @Post('assessments/:wave/:part')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiParam({ name: 'wave', enum: ['pre', 'post'] })
  @ApiParam({ name: 'part', enum: ['knowledge', 'attitude', 'then'] })
  @ApiOkResponse({ type: SubmissionResultDto })
  assessment(
    @CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param() params: AssessmentParams,
    @Body() dto: SubmitAnswersDto, @RequestLocale() locale: Locale,
  ) {
    return this.journey.submitAssessment(user, id, params.wave, params.part, dto.answers, dto.idempotencyKey, locale);
  }

  @Post('lessons/:lessonKey/complete')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiOkResponse({ type: SubmissionResultDto })
  completeLesson(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('lessonKey', ItemKeyPipe) lessonKey: string, @Body() dto: IdempotentDto) {
    return this.journey.completeLesson(user, id, lessonKey, dto.idempotencyKey);
  }

  @Post('modules/:moduleKey/quiz-attempts')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiOkResponse({ type: SubmissionResultDto })
  quiz(
    @CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('moduleKey', ItemKeyPipe) moduleKey: string,
    @Body() dto: SubmitAnswersDto, @RequestLocale() locale: Locale,
  ) {
    return this.journey.submitQuiz(user, id, moduleKey, dto.answers, dto.idempotencyKey, locale);
  }

  @Get('scenarios/:scenarioKey/run')
  @ApiOkResponse({ type: ScenarioRunDto })
  scenarioRun(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('scenarioKey', ItemKeyPipe) scenarioKey: string, @RequestLocale() locale: Locale) {
    return this.scenarios.run(user.id, id, scenarioKey, locale);
  }

  @Post('scenarios/:scenarioKey/choices')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiOkResponse({ type: ScenarioChoiceResultDto })
  choose(
    @CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('scenarioKey', ItemKeyPipe) scenarioKey: string,
    @Body() dto: ScenarioChoiceDto, @RequestLocale() locale: Locale,
  ) {
    return this.scenarios.choose(user, id, scenarioKey, dto.nodeKey, dto.choiceKey, dto.idempotencyKey, locale);
  }

  @Post('follow-up')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiOkResponse({ type: SubmissionResultDto })
  followUp(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Body() dto: FollowUpDto, @RequestLocale() locale: Locale) {
    return this.journey.submitFollowUp(user, id, { knowledge: dto.knowledge, attitude: dto.attitude, practice: dto.practice }, dto.idempotencyKey, locale);
  }

  /** The phone's queue replayed in one request: each item answered as its single route would answer it. */
  @Post('submissions')
  @SessionCheckedWithWrite()
  @HttpCode(200)
  @ApiBody({ type: QueuedSubmissionsDto })
  @ApiOkResponse({ type: QueuedOutcomesDto })
  replay(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Body(QueuedItemsPipe) items: QueuedItems, @RequestLocale() locale: Locale) {
    return this.queued.replay(user, id, items, locale);
  }

  @Get('drafts/:target')
  @ApiOkResponse({ type: DraftDto })
  getDraft(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('target') target: string) {
    return this.drafts.get(user.id, id, target);
  }

  @Put('drafts/:target')
  @ApiOkResponse({ type: DraftDto })
  saveDraft(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('target') target: string, @Body() dto: SaveDraftDto) {
    return this.drafts.save(user.id, id, target, dto.answers);
  }
}
