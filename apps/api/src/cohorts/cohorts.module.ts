import { Module } from '@nestjs/common';
import { CurriculumModule } from '../curriculum/curriculum.module.js';
import { CohortAccess } from './cohort-access.service.js';
import { CohortVersionsController } from './cohort-versions.controller.js';
import { CohortVersions } from './cohort-versions.service.js';
import { CohortsController } from './cohorts.controller.js';
import { CohortsService } from './cohorts.service.js';

@Module({
  // The catalog of published versions: what changed between a cohort's version and newer ones.
  imports: [CurriculumModule],
  controllers: [CohortsController, CohortVersionsController],
  providers: [CohortsService, CohortAccess, CohortVersions],
  exports: [CohortAccess],
})
export class CohortsModule {}
