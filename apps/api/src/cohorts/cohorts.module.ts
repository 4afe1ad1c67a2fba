import { Module } from '@nestjs/common';
import { CohortAccess } from './cohort-access.service.js';
import { CohortsController } from './cohorts.controller.js';
import { CohortsService } from './cohorts.service.js';

@Module({
  controllers: [CohortsController],
  providers: [CohortsService, CohortAccess],
  exports: [CohortAccess],
})
export class CohortsModule {}
