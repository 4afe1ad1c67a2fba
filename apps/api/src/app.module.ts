import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller.js';
import { JwtAuthGuard, RolesGuard } from './auth/auth.guards.js';
import { AuthService } from './auth/auth.service.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { LocalStrategy } from './auth/local.strategy.js';
import { LoginThrottle } from './auth/login-throttle.service.js';
import { ExpiredRowsPurge } from './auth/expired-rows-purge.service.js';
import { PasswordHasher } from './auth/password-hasher.service.js';
import { TokenService } from './auth/token.service.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { RateLimiter } from './common/rate-limiter.service.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { HealthController } from './health/health.controller.js';
import { ReadPool } from './database/read-pool.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';
import { AuthoringController } from './curriculum/authoring.controller.js';
import { AuthoringService } from './curriculum/authoring.service.js';
import { CourseFilesService } from './curriculum/course-files.service.js';
import { DraftEditorController } from './curriculum/draft-editor.controller.js';
import { DraftEdits } from './curriculum/draft-edits.service.js';
import { ContentImporter } from './curriculum/content-import.service.js';
import { CourseCatalog } from './curriculum/course-catalog.service.js';
import { LearnerContentController } from './curriculum/learner-content.controller.js';
import { LearnerContentService } from './curriculum/learner-content.service.js';
import { JourneyController } from './journey/journey.controller.js';
import { JourneyService } from './journey/journey.service.js';
import { JourneySubmissions } from './journey/submission.service.js';
import { AttemptStore } from './journey/attempt-store.service.js';
import { ScenarioRuns } from './journey/scenario-runs.service.js';
import { AnswerDrafts } from './journey/answer-drafts.service.js';
import { CertificateIssuer } from './certificates/certificate-issuer.service.js';
import { AttemptContentController } from './journey/attempt-content.controller.js';
import { AttemptContentService } from './journey/attempt-content.service.js';
import { OptionSeeds } from './journey/option-seeds.service.js';
import { Clock } from './common/clock.js';
import { ActionPlanController } from './journey/action-plan.controller.js';
import { ActionPlanService } from './journey/action-plan.service.js';
import { CertificatesController } from './certificates/certificates.controller.js';
import { CertificatesService } from './certificates/certificates.service.js';
import { CohortAccess } from './cohorts/cohort-access.service.js';
import { CohortsController } from './cohorts/cohorts.controller.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { CohortVersions } from './cohorts/cohort-versions.service.js';
import { CohortVersionsController } from './cohorts/cohort-versions.controller.js';
import { ExportsService } from './reports/exports.service.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, poolSize: number): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, poolSize), retryAttempts: 3, retryDelay: 500 }),
        PassportModule,
        JwtModule.register({}),
      ],
      controllers: [HealthController, AuthController, UsersController, LearnerContentController, AuthoringController, DraftEditorController, JourneyController, AttemptContentController, ActionPlanController, CertificatesController, CohortsController, CohortVersionsController, ReportsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // Order matters: authenticate first, then check roles. Both deny unless a route opts out with @Public.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        ReadPool,
        RateLimiter,
        Clock,
        PasswordHasher,
        LoginThrottle,
        ExpiredRowsPurge,
        TokenService,
        AuthService,
        LocalStrategy,
        JwtStrategy,
        UsersService,
        CourseCatalog,
        ContentImporter,
        LearnerContentService,
        AuthoringService,
        DraftEdits,
        CourseFilesService,
        JourneyService,
        JourneySubmissions, AttemptStore, ScenarioRuns, AnswerDrafts, CertificateIssuer,
        OptionSeeds,
        AttemptContentService,
        ActionPlanService,
        CertificatesService,
        CohortAccess,
        CohortsService,
        CohortVersions,
        ReportsService,
        ExportsService,
      ],
    };
  }
}
