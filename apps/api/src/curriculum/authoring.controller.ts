import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Locale } from '#curriculum';
import { ContentEditor, CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import {
  CourseSummaryDto, CourseVersionDto, CourseVersionSummaryDto, ReplaceContentDto, UpdateItemDto, UpdateLessonDto, UpdateQuestionDto,
  ValidationReportDto,
} from './authoring.dto.js';
import { AuthoringService } from './authoring.service.js';
import { PublishDto } from './draft-editor.dto.js';
import { ItemKeyPipe } from '../common/item-key.pipe.js';
import { RequestLocale } from './request-locale.js';


/** Staff read course versions; changing or publishing content also needs the content-editor permission. */
@ApiTags('authoring')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller()
export class AuthoringController {
  constructor(private readonly authoring: AuthoringService) {}

  @Get('courses')
  @ApiOkResponse({ type: [CourseSummaryDto] })
  courses(@RequestLocale() locale: Locale): Promise<CourseSummaryDto[]> {
    return this.authoring.listCourses(locale);
  }

  @Roles('admin')
  @Get('courses/:courseId/versions')
  @ApiOkResponse({ type: [CourseVersionSummaryDto] })
  history(@Param('courseId', ParseUUIDPipe) courseId: string): Promise<CourseVersionSummaryDto[]> {
    return this.authoring.history(courseId);
  }

  @ContentEditor()
  @Post('courses/:courseId/draft')
  @ApiOkResponse({ type: CourseVersionDto, description: 'The open draft (created from the latest published version if none)' })
  @HttpCode(200)
  createDraft(@CurrentUser() actor: AuthUser, @Param('courseId', ParseUUIDPipe) courseId: string): Promise<CourseVersionDto> {
    return this.authoring.createDraft(courseId, actor.id);
  }

  @Get('course-versions/:versionId')
  @ApiOkResponse({ type: CourseVersionDto })
  version(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<CourseVersionDto> {
    return this.authoring.getVersion(versionId);
  }

  @ContentEditor()
  @Put('course-versions/:versionId/content')
  @ApiOkResponse({ type: CourseVersionDto })
  replace(@CurrentUser() actor: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() dto: ReplaceContentDto): Promise<CourseVersionDto> {
    return this.authoring.replaceContent(versionId, dto.content, actor.id);
  }

  @ContentEditor()
  @Patch('course-versions/:versionId/lessons/:lessonKey')
  @ApiOkResponse({ type: CourseVersionDto })
  updateLesson(@CurrentUser() actor: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Param('lessonKey', ItemKeyPipe) lessonKey: string, @Body() dto: UpdateLessonDto): Promise<CourseVersionDto> {
    return this.authoring.updateLesson(versionId, lessonKey, dto, actor.id);
  }

  @ContentEditor()
  @Patch('course-versions/:versionId/questions/:questionKey')
  @ApiOkResponse({ type: CourseVersionDto })
  updateQuestion(@CurrentUser() actor: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Param('questionKey', ItemKeyPipe) questionKey: string, @Body() dto: UpdateQuestionDto): Promise<CourseVersionDto> {
    return this.authoring.updateQuestion(versionId, questionKey, dto, actor.id);
  }

  @ContentEditor()
  @Patch('course-versions/:versionId/attitude-items/:itemKey')
  @ApiOkResponse({ type: CourseVersionDto })
  updateItem(@CurrentUser() actor: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Param('itemKey', ItemKeyPipe) itemKey: string, @Body() dto: UpdateItemDto): Promise<CourseVersionDto> {
    return this.authoring.updateAttitudeItem(versionId, itemKey, dto, actor.id);
  }

  @ContentEditor()
  @Post('course-versions/:versionId/validate')
  @HttpCode(200)
  @ApiOkResponse({ type: ValidationReportDto })
  validate(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<ValidationReportDto> {
    return this.authoring.validate(versionId);
  }

  @ContentEditor()
  @Post('course-versions/:versionId/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: CourseVersionDto, description: '400 DRAFT_INVALID with every problem (details.problems, each with the item to open) when a publication rule fails' })
  publish(@Param('versionId', ParseUUIDPipe) versionId: string, @Body() dto: PublishDto): Promise<CourseVersionDto> {
    return this.authoring.publish(versionId, dto.changeNote);
  }

  @ContentEditor()
  @Delete('course-versions/:versionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Draft discarded' })
  discard(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<void> {
    return this.authoring.discardDraft(versionId);
  }
}
