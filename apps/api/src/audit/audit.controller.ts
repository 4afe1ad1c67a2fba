import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditQueries } from './audit-query.service.js';
import { AuditIntegrityDto, AuditPageDto, AuditQueryDto } from './audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueries) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  page(@CurrentUser() actor: AuthUser, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.page(actor, query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The filtered entries as CSV (UTF-8 with BOM, RFC 4180), newest first, at most 50,000' })
  async csv(@CurrentUser() actor: AuthUser, @Query() query: AuditQueryDto): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.audit.csv(actor, query)), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="respeta-auditoria.csv"' });
  }

  @Get('integrity')
  @ApiOkResponse({ type: AuditIntegrityDto })
  integrity(): Promise<AuditIntegrityDto> {
    return this.audit.integrity();
  }
}
