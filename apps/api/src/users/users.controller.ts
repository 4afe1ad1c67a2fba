import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserDto } from './user.mapper.js';
import { CreateStaffDto, UpdateEvaluatorDto, UpdatePermissionsDto, UpdateProfileDto } from './users.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('learner', 'trainer', 'admin')
  @Patch('me')
  @ApiOkResponse({ type: UserDto })
  updateMe(@CurrentUser() actor: AuthUser, @Body() dto: UpdateProfileDto): Promise<UserDto> {
    return this.users.updateProfile(actor, actor.id, dto);
  }

  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: [UserDto] })
  list(@CurrentUser() actor: AuthUser): Promise<UserDto[]> {
    return this.users.list(actor);
  }

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateStaffDto): Promise<UserDto> {
    return this.users.createStaff(actor, dto);
  }

  @Roles('admin')
  @Post(':id/disable')
  @ApiOkResponse({ type: UserDto })
  disable(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.setDisabled(actor, id, true);
  }

  @Roles('admin')
  @Patch(':id/permissions')
  @ApiOkResponse({ type: UserDto })
  setPermissions(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePermissionsDto): Promise<UserDto> {
    return this.users.setContentEditor(actor, id, dto.canEditContent);
  }

  @Roles('admin')
  @Patch(':id/evaluator')
  @ApiOkResponse({ type: UserDto })
  setEvaluator(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateEvaluatorDto): Promise<UserDto> {
    return this.users.setEvaluator(actor, id, dto.canEvaluate);
  }

  @Roles('admin')
  @Post(':id/enable')
  @ApiOkResponse({ type: UserDto })
  enable(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.setDisabled(actor, id, false);
  }
}
