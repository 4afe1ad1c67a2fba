import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { CurriculumModule } from '../curriculum/curriculum.module.js';
import { ActionPlanController } from './action-plan.controller.js';
import { ActionPlanService } from './action-plan.service.js';
import { AnswerDrafts } from './answer-drafts.service.js';
import { AttemptContentController } from './attempt-content.controller.js';
import { AttemptContentService } from './attempt-content.service.js';
import { AttemptStore } from './attempt-store.service.js';
import { JourneyController } from './journey.controller.js';
import { JourneyService } from './journey.service.js';
import { OptionSeeds } from './option-seeds.service.js';
import { QueuedSubmissions } from './queued-submissions.service.js';
import { ScenarioRuns } from './scenario-runs.service.js';
import { JourneySubmissions } from './submission.service.js';

/** The learner's path through a course: every step is a submission the journey machine accepts or rejects. */
@Module({
  imports: [CurriculumModule, CertificatesModule],
  controllers: [JourneyController, AttemptContentController, ActionPlanController],
  providers: [JourneyService, JourneySubmissions, QueuedSubmissions, AttemptStore, ScenarioRuns, AnswerDrafts, OptionSeeds, AttemptContentService, ActionPlanService],
  exports: [JourneySubmissions],
})
export class JourneyModule {}
