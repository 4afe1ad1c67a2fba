import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AssignTrainerDto, CohortDto, CreateCohortDto, CreateInviteCodeDto, InviteCodeDto, InviteCodePageQuery, RosterEntryDto, UpdateCohortDto } from './cohorts.dto.js';
import { CohortsService } from './cohorts.service.js';

@ApiTags('cohorts')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get()
  @ApiOkResponse({ type: [CohortDto] })
  list(@CurrentUser() actor: AuthUser) {
    return this.cohorts.list(actor);
  }

  @Post()
  @ApiCreatedResponse({ type: CohortDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateCohortDto) {
    return this.cohorts.create(actor, dto);
  }

  @Get(':cohortId')
  @ApiOkResponse({ type: CohortDto })
  get(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string) {
    return this.cohorts.get(actor, id);
  }

  @Patch(':cohortId')
  @ApiOkResponse({ type: CohortDto })
  update(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Body() dto: UpdateCohortDto) {
    return this.cohorts.update(actor, id, dto);
  }

  @Roles('admin')
  @Put(':cohortId/trainer')
  @ApiOkResponse({ type: CohortDto })
  assignTrainer(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Body() dto: AssignTrainerDto) {
    return this.cohorts.assignTrainer(actor, id, dto.trainerId);
  }

  @Get(':cohortId/invite-codes')
  @ApiOkResponse({ type: [InviteCodeDto] })
  inviteCodes(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Query() page: InviteCodePageQuery) {
    return this.cohorts.inviteCodes(actor, id, page);
  }

  @Post(':cohortId/invite-codes')
  @ApiCreatedResponse({ type: InviteCodeDto })
  createInviteCode(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Body() dto: CreateInviteCodeDto) {
    return this.cohorts.createInviteCode(actor, id, dto);
  }

  @Post(':cohortId/invite-codes/:codeId/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: InviteCodeDto })
  revoke(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Param('codeId', ParseUUIDPipe) codeId: string) {
    return this.cohorts.revokeInviteCode(actor, id, codeId);
  }

  @Post(':cohortId/invite-codes/:codeId/rotate')
  @HttpCode(200)
  @ApiOkResponse({ type: InviteCodeDto, description: 'The new code; the old one stops working' })
  rotate(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Param('codeId', ParseUUIDPipe) codeId: string) {
    return this.cohorts.rotateInviteCode(actor, id, codeId);
  }

  @Get(':cohortId/roster')
  @ApiOkResponse({ type: [RosterEntryDto] })
  roster(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string) {
    return this.cohorts.roster(actor, id);
  }

  @Post(':cohortId/enrolments/:enrolmentId/remove')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked withdrawn; answers are kept for the record' })
  remove(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Param('enrolmentId', ParseUUIDPipe) enrolmentId: string) {
    return this.cohorts.removeLearner(actor, id, enrolmentId);
  }
}
