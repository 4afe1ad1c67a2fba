import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ActionPlanDto, SaveActionPlanDto, SaveActionPlanFollowUpDto } from './action-plan.dto.js';
import { ActionPlanService } from './action-plan.service.js';

/** Learner-only: the plan is private to its author; no staff route returns its text. */
@ApiTags('journey')
@ApiBearerAuth()
@Roles('learner')
@Controller('enrolments/:enrolmentId/action-plan')
export class ActionPlanController {
  constructor(private readonly plans: ActionPlanService) {}

  @Get()
  @ApiOkResponse({ type: ActionPlanDto })
  get(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string): Promise<ActionPlanDto> {
    return this.plans.get(user.id, id);
  }

  @Put()
  @ApiOkResponse({ type: ActionPlanDto })
  save(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Body() dto: SaveActionPlanDto): Promise<ActionPlanDto> {
    return this.plans.save(user.id, id, dto.commitments);
  }

  @Put('follow-up')
  @ApiOkResponse({ type: ActionPlanDto })
  followUp(@CurrentUser() user: AuthUser, @Param('enrolmentId', ParseUUIDPipe) id: string, @Body() dto: SaveActionPlanFollowUpDto): Promise<ActionPlanDto> {
    return this.plans.saveFollowUp(user.id, id, dto.status);
  }
}
