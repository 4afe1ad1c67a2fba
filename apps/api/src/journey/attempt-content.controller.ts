import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Locale } from '#curriculum';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ItemKeyPipe } from '../common/item-key.pipe.js';
import { LearnerKnowledgeTestDto, LearnerQuizDto } from '../curriculum/learner-content.dto.js';
import { RequestLocale } from '../curriculum/request-locale.js';
import { AttemptContentService } from './attempt-content.service.js';

@ApiTags('learning')
@ApiBearerAuth()
@ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
@Roles('learner')
@Controller('enrolments/:enrolmentId')
export class AttemptContentController {
  constructor(private readonly content: AttemptContentService) {}

  @Get('modules/:moduleKey/quiz')
  @ApiOkResponse({ type: LearnerQuizDto, description: "Options in the order of the learner's open attempt (stable until it is submitted)" })
  quiz(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Param('moduleKey', ItemKeyPipe) key: string, @RequestLocale() locale: Locale) {
    return this.content.quiz(user.id, id, key, locale);
  }

  @Get('knowledge-test')
  @ApiOkResponse({ type: LearnerKnowledgeTestDto, description: 'Options in the order of the open pre-test, post-test or follow-up attempt' })
  knowledgeTest(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale) {
    return this.content.knowledgeTest(user.id, id, locale);
  }
}
