import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Locale } from '#curriculum';
import { CurrentUser, Evaluator, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RequestLocale } from '../curriculum/request-locale.js';
import { CreateStudyDto, StudyCohortOptionDto, StudyDto, StudyReportDto } from './studies.dto.js';
import { StudiesService } from './studies.service.js';

@ApiTags('studies')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Evaluator()
@Controller('studies')
export class StudiesController {
  constructor(private readonly studies: StudiesService) {}

  @Get()
  @ApiOkResponse({ type: [StudyDto] })
  list(@CurrentUser() actor: AuthUser): Promise<StudyDto[]> {
    return this.studies.list(actor);
  }

  @Get('cohort-options')
  @ApiOkResponse({ type: [StudyCohortOptionDto] })
  cohortOptions(): Promise<StudyCohortOptionDto[]> {
    return this.studies.cohortOptions();
  }

  @Post()
  @ApiCreatedResponse({ type: StudyDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateStudyDto): Promise<StudyDto> {
    return this.studies.create(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: StudyDto })
  get(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StudyDto> {
    return this.studies.get(actor, id);
  }

  @Post(':id/second-baseline/open')
  @HttpCode(200)
  @ApiOkResponse({ type: StudyDto })
  openSecondBaseline(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StudyDto> {
    return this.studies.openSecondBaseline(actor, id);
  }

  @Get(':id/report')
  @ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
  @ApiOkResponse({ type: StudyReportDto })
  report(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale): Promise<StudyReportDto> {
    return this.studies.report(actor, id, locale);
  }
}
