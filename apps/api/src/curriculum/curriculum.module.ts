import { Module } from '@nestjs/common';
import { AuthoringController } from './authoring.controller.js';
import { AuthoringService } from './authoring.service.js';
import { ContentImporter } from './content-import.service.js';
import { CourseFilesService } from './course-files.service.js';
import { DraftEditorController } from './draft-editor.controller.js';
import { DraftEdits } from './draft-edits.service.js';
import { CourseCatalog } from './course-catalog.service.js';
import { LearnerContentController } from './learner-content.controller.js';
import { LearnerContentService } from './learner-content.service.js';

/** Course versions: authoring (the browser editor's drafts, YAML files in and out), import, the catalog of published versions and the learner's view of them. */
@Module({
  controllers: [LearnerContentController, AuthoringController, DraftEditorController],
  providers: [CourseCatalog, ContentImporter, LearnerContentService, AuthoringService, DraftEdits, CourseFilesService],
  exports: [CourseCatalog, ContentImporter, LearnerContentService],
})
export class CurriculumModule {}
