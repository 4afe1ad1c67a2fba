import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Locale } from '#curriculum';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import {
  CourseOutlineDto, LearnerAttitudeInstrumentDto, LearnerLessonDto, LearnerScenarioDto,
  MyEnrolmentDto, PracticeQuestionnaireViewDto, SCENARIO_NODE_SCHEMA, ScenarioDecisionNodeDto, ScenarioEndingNodeDto,
} from './learner-content.dto.js';
import { LearnerContentService } from './learner-content.service.js';
import { ItemKeyPipe } from '../common/item-key.pipe.js';
import { RequestLocale } from './request-locale.js';


@ApiTags('learning')
@ApiBearerAuth()
@ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
@ApiExtraModels(ScenarioDecisionNodeDto, ScenarioEndingNodeDto)
@Roles('learner')
@Controller('enrolments')
export class LearnerContentController {
  constructor(private readonly content: LearnerContentService) {}

  @Get('mine')
  @ApiOkResponse({ type: [MyEnrolmentDto] })
  mine(@CurrentUser() user: AuthUser, @RequestLocale() locale: Locale): Promise<MyEnrolmentDto[]> {
    return this.content.myEnrolments(user.id, locale);
  }

  @Get(':enrolmentId/outline')
  @ApiOkResponse({ type: CourseOutlineDto })
  outline(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale) {
    return this.content.outline(user.id, id, locale);
  }

  @Get(':enrolmentId/lessons/:lessonKey')
  @ApiOkResponse({ type: LearnerLessonDto })
  lesson(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('lessonKey', ItemKeyPipe) key: string, @RequestLocale() locale: Locale) {
    return this.content.lesson(user.id, id, key, locale);
  }

  @Get(':enrolmentId/attitude-instrument')
  @ApiOkResponse({ type: LearnerAttitudeInstrumentDto })
  attitudeInstrument(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale) {
    return this.content.attitudeInstrument(user.id, id, locale);
  }

  @Get(':enrolmentId/practice-questionnaire')
  @ApiOkResponse({ type: PracticeQuestionnaireViewDto })
  practiceQuestionnaire(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale) {
    return this.content.practiceQuestionnaire(user.id, id, locale);
  }

  @Get(':enrolmentId/scenarios/:scenarioKey')
  @ApiOkResponse({ type: LearnerScenarioDto })
  scenario(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('scenarioKey', ItemKeyPipe) key: string, @RequestLocale() locale: Locale) {
    return this.content.scenario(user.id, id, key, locale);
  }

  @Get(':enrolmentId/scenarios/:scenarioKey/nodes/:nodeKey')
  @ApiOkResponse({ schema: SCENARIO_NODE_SCHEMA })
  scenarioNode(
    @CurrentUser() user: AuthUser,
    @Param('enrolmentId', ParseUUIDPipe) id: string,
    @Param('scenarioKey', ItemKeyPipe) scenarioKey: string,
    @Param('nodeKey', ItemKeyPipe) nodeKey: string,
    @RequestLocale() locale: Locale,
  ) {
    return this.content.scenarioNode(user.id, id, scenarioKey, nodeKey, locale);
  }
}
