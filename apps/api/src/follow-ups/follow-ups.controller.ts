import { Controller, Get, Param, ParseUUIDPipe, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { FollowUpScheduleDto } from './follow-ups.dto.js';
import { FollowUpsService } from './follow-ups.service.js';

/** Without PUBLIC_URL (development) links use the address the trainer used. */
const requestBase = (req: FastifyRequest) => `${req.protocol}://${req.headers.host}`;

@ApiTags('cohorts')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller('cohorts/:cohortId/follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @ApiOkResponse({ type: FollowUpScheduleDto })
  schedule(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Req() req: FastifyRequest) {
    return this.followUps.schedule(actor, id, requestBase(req));
  }

  @Get('due.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM): name, status (due | waiting; a study waitlist adds second_baseline_due | second_baseline_waiting), due_on, link — learners not yet answered, soonest first' })
  async dueCsv(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Req() req: FastifyRequest) {
    return new StreamableFile(Buffer.from(await this.followUps.dueCsv(actor, id, requestBase(req)), 'utf8'), {
      type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="respeta-seguimiento.csv"',
    });
  }
}
