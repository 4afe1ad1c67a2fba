import { Module } from '@nestjs/common';
import { AuthoringController } from './authoring.controller.js';
import { AuthoringService } from './authoring.service.js';
import { ContentImporter } from './content-import.service.js';
import { CourseCatalog } from './course-catalog.service.js';
import { LearnerContentController } from './learner-content.controller.js';
import { LearnerContentService } from './learner-content.service.js';

/** Course versions: authoring, import, the catalog of published versions and the learner's view of them. */
@Module({
  controllers: [LearnerContentController, AuthoringController],
  providers: [CourseCatalog, ContentImporter, LearnerContentService, AuthoringService],
  exports: [CourseCatalog, ContentImporter, LearnerContentService],
})
export class CurriculumModule {}
