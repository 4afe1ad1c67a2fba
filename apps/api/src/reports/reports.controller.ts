import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Locale } from '#curriculum';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RequestLocale } from '../curriculum/request-locale.js';
import { type ExportBundle, ExportsService } from './exports.service.js';
import { CohortReportDto } from './report.dto.js';
import { ReportsService } from './reports.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('reports')
@ApiBearerAuth()
@ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
@Roles('trainer', 'admin')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ExportsService,
  ) {}

  @Get('cohorts/:cohortId/report')
  @ApiOkResponse({ type: CohortReportDto })
  report(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale) {
    return this.reports.reportFor(actor, [id], locale);
  }

  @Roles('admin')
  @Get('reports/combined')
  @ApiQuery({ name: 'cohortIds', description: 'Comma-separated cohort ids' })
  @ApiOkResponse({ type: CohortReportDto })
  combined(@CurrentUser() actor: AuthUser, @Query('cohortIds') raw: string, @RequestLocale() locale: Locale) {
    return this.reports.reportFor(actor, cohortIdList(raw), locale);
  }

  @Get('cohorts/:cohortId/exports/bundle.zip')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'ZIP: knowledge.csv, attitudes.csv (when ≥ 5 contribute), codebook.csv, README.md, reproduce.R (pseudonymous, scoped to the cohort)' })
  async bundle(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string) {
    return zipFile(await this.exports.bundleFor(actor, [id]));
  }

  @Roles('admin')
  @Get('reports/combined/bundle.zip')
  @ApiQuery({ name: 'cohortIds', description: 'Comma-separated cohort ids' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The export bundle of several cohorts, with pseudonyms scoped to that set of cohorts' })
  async combinedBundle(@CurrentUser() actor: AuthUser, @Query('cohortIds') raw: string) {
    return zipFile(await this.exports.bundleFor(actor, cohortIdList(raw)));
  }
}

function cohortIdList(raw: unknown): string[] {
  const ids = [...new Set(String(raw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0 || ids.length > 50 || !ids.every((id) => UUID.test(id))) {
    throw new BadRequestException('cohortIds: give 1 to 50 comma-separated cohort ids.');
  }
  return ids;
}

const zipFile = (bundle: ExportBundle) =>
  new StreamableFile(Buffer.from(bundle.zip.buffer, bundle.zip.byteOffset, bundle.zip.byteLength), { type: 'application/zip', disposition: `attachment; filename="${bundle.fileName}"` });
