import { Body, Controller, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DeletionRequests } from './deletion-requests.service.js';
import { CreateDeletionRequestDto } from './deletion.dto.js';
import { DeletionRequestStatusDto, MyDataDto } from './my-data.dto.js';
import { MyDataService } from './my-data.service.js';

/** "Mis datos": the signed-in person's own data (access, portability) and their deletion request. Profile edits: PATCH /users/me. */
@ApiTags('my-data')
@ApiBearerAuth()
@Controller('me')
export class MyDataController {
  constructor(
    private readonly data: MyDataService,
    private readonly deletion: DeletionRequests,
  ) {}

  @Roles('learner', 'trainer', 'admin')
  @Get('data')
  @ApiOkResponse({ type: MyDataDto })
  mine(@CurrentUser() actor: AuthUser): Promise<MyDataDto> {
    return this.data.mine(actor.id);
  }

  @Roles('learner', 'trainer', 'admin')
  @Get('data.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The same data as CSV (record, field, value), UTF-8 with BOM' })
  async csv(@CurrentUser() actor: AuthUser): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.data.mineAsCsv(actor.id)), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="respeta-mis-datos.csv"' });
  }

  @Roles('learner')
  @Post('deletion-request')
  @ApiCreatedResponse({ type: DeletionRequestStatusDto })
  requestDeletion(@CurrentUser() actor: AuthUser, @Body() dto: CreateDeletionRequestDto): Promise<DeletionRequestStatusDto> {
    return this.deletion.request(actor, dto.certificateChoice);
  }

  @Roles('learner')
  @Post('deletion-request/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: DeletionRequestStatusDto })
  cancelDeletion(@CurrentUser() actor: AuthUser): Promise<DeletionRequestStatusDto> {
    return this.deletion.cancel(actor);
  }
}
