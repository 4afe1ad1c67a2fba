import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CohortCourseVersionDto, MoveCohortVersionDto, MoveCohortVersionResultDto } from './cohort-versions.dto.js';
import { CohortVersions } from './cohort-versions.service.js';

@ApiTags('cohorts')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller('cohorts')
export class CohortVersionsController {
  constructor(private readonly versions: CohortVersions) {}

  @Get(':cohortId/course-version')
  @ApiOkResponse({ type: CohortCourseVersionDto })
  state(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string): Promise<CohortCourseVersionDto> {
    return this.versions.state(actor, id);
  }

  @Post(':cohortId/course-version')
  @HttpCode(200)
  @ApiOkResponse({ type: MoveCohortVersionResultDto, description: 'Learners who have not started move; the others keep the version their attempts pinned' })
  move(@CurrentUser() actor: AuthUser, @Param('cohortId', ParseUUIDPipe) id: string, @Body() dto: MoveCohortVersionDto): Promise<MoveCohortVersionResultDto> {
    return this.versions.move(actor, id, dto.courseVersionId);
  }
}
