import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
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

  @Get(':studyId')
  @ApiOkResponse({ type: StudyDto })
  get(@CurrentUser() actor: AuthUser, @Param('studyId', ParseUUIDPipe) id: string): Promise<StudyDto> {
    return this.studies.get(actor, id);
  }

  @Post(':studyId/second-baseline/open')
  @HttpCode(200)
  @ApiOkResponse({ type: StudyDto })
  openSecondBaseline(@CurrentUser() actor: AuthUser, @Param('studyId', ParseUUIDPipe) id: string): Promise<StudyDto> {
    return this.studies.openSecondBaseline(actor, id);
  }

  @Get(':studyId/export.zip')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'ZIP: study.csv (one row per learner and wave, arm, study-keyed pseudonyms), README.md, reproduce.R' })
  async exportZip(@CurrentUser() actor: AuthUser, @Param('studyId', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const bundle = await this.studies.exportBundle(actor, id);
    return new StreamableFile(Buffer.from(bundle.zip.buffer, bundle.zip.byteOffset, bundle.zip.byteLength), { type: 'application/zip', disposition: `attachment; filename="${bundle.fileName}"` });
  }

  @Get(':studyId/report')
  @ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
  @ApiOkResponse({ type: StudyReportDto })
  report(@CurrentUser() actor: AuthUser, @Param('studyId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale): Promise<StudyReportDto> {
    return this.studies.report(actor, id, locale);
  }
}
