import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CurriculumModule } from '../curriculum/curriculum.module.js';
import { DeletionRequests } from './deletion-requests.service.js';
import { MyDataController } from './my-data.controller.js';
import { MyDataService } from './my-data.service.js';
import { PrivacyAdminController } from './privacy-admin.controller.js';
import { RetentionJob } from './retention.service.js';

/** Personal-data rights (access, portability, cancellation) and the retention schedule. Rectification: users/ (PATCH /users/me). */
@Module({
  imports: [AuditModule, CurriculumModule],
  controllers: [MyDataController, PrivacyAdminController],
  providers: [MyDataService, DeletionRequests, RetentionJob],
})
export class PrivacyModule {}
