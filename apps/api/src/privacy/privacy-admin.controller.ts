import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DeletionRequests } from './deletion-requests.service.js';
import { DeletionOutcomeDto, PendingDeletionRequestDto } from './deletion.dto.js';
import { MyDataDto } from './my-data.dto.js';
import { MyDataService } from './my-data.service.js';

/** The admin's side of learners' data rights: deletion requests to confirm, and a person's data for requests made outside the app. */
@ApiTags('privacy')
@ApiBearerAuth()
@Roles('admin')
@Controller('privacy')
export class PrivacyAdminController {
  constructor(
    private readonly deletion: DeletionRequests,
    private readonly data: MyDataService,
  ) {}

  @Get('deletion-requests')
  @ApiOkResponse({ type: [PendingDeletionRequestDto] })
  pending(@CurrentUser() actor: AuthUser): Promise<PendingDeletionRequestDto[]> {
    return this.deletion.pending(actor);
  }

  @Post('deletion-requests/:requestId/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: DeletionOutcomeDto, description: 'The account is erased; pseudonymous evaluation data stays as consented' })
  confirm(@CurrentUser() actor: AuthUser, @Param('requestId', ParseUUIDPipe) requestId: string): Promise<DeletionOutcomeDto> {
    return this.deletion.confirm(actor, requestId);
  }

  @Post('deletion-requests/:requestId/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: DeletionOutcomeDto })
  reject(@CurrentUser() actor: AuthUser, @Param('requestId', ParseUUIDPipe) requestId: string): Promise<DeletionOutcomeDto> {
    return this.deletion.reject(actor, requestId);
  }

  @Get('users/:userId/data')
  @ApiOkResponse({ type: MyDataDto })
  personData(@CurrentUser() actor: AuthUser, @Param('userId', ParseUUIDPipe) userId: string): Promise<MyDataDto> {
    return this.data.forAdmin(actor, userId);
  }
}
