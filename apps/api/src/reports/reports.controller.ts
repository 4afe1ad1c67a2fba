import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Locale } from '#curriculum';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CohortAccess } from '../cohorts/cohort-access.service.js';
import { RequestLocale } from '../curriculum/request-locale.js';
import { ExportsService } from './exports.service.js';
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
    private readonly access: CohortAccess,
  ) {}

  @Get('cohorts/:cohortId/report')
  @ApiOkResponse({ type: CohortReportDto })
  async report(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @RequestLocale() locale: Locale) {
    await this.access.assert(actor, id);
    return this.reports.report([id], locale);
  }

  @Roles('admin')
  @Get('reports/combined')
  @ApiQuery({ name: 'cohortIds', description: 'Comma-separated cohort ids' })
  @ApiOkResponse({ type: CohortReportDto })
  async combined(@CurrentUser() actor: AuthUser, @Query('cohortIds') raw: string, @RequestLocale() locale: Locale) {
    const ids = [...new Set(String(raw ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
    if (ids.length === 0 || ids.length > 50 || !ids.every((id) => UUID.test(id))) {
      throw new BadRequestException('cohortIds: give 1 to 50 comma-separated cohort ids.');
    }
    await this.access.assertAll(actor, ids);
    return this.reports.report(ids, locale);
  }

  @Get('cohorts/:cohortId/exports/:table.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'scores, responses or codebook as CSV (pseudonymous)' })
  async csv(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Param('table') table: string) {
    if (!['scores', 'responses', 'codebook'].includes(table)) throw new BadRequestException('table: one of scores, responses, codebook.');
    await this.access.assert(actor, id);
    const body = await this.exports.csv([id], table as 'scores' | 'responses' | 'codebook');
    return new StreamableFile(Buffer.from(`\uFEFF${body}`, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="respeta-${table}.csv"` });
  }

  @Get('cohorts/:cohortId/exports/export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Scores, Responses and Codebook sheets (pseudonymous)' })
  async xlsx(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string) {
    await this.access.assert(actor, id);
    return new StreamableFile(await this.exports.xlsx([id]), { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: 'attachment; filename="respeta-export.xlsx"' });
  }
}
