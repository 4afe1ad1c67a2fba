import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { CommonModule } from './common/common.module.js';
import type { AppConfig } from './config/app-config.js';
import { DatabasePool, type DatabaseSettings } from './database/database-pool.js';
import { DatabaseModule } from './database/database.module.js';
import { CurriculumModule } from './curriculum/curriculum.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { FollowUpsModule } from './follow-ups/follow-ups.module.js';
import { HealthModule } from './health/health.module.js';
import { JourneyModule } from './journey/journey.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { StudiesModule } from './studies/studies.module.js';
import { UsersModule } from './users/users.module.js';

/** Composes the feature modules; each feature folder's module says what it offers the others (its exports). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseSettings): DynamicModule {
    const databaseModule = DatabaseModule.forRoot(database);
    return {
      module: AppModule,
      imports: [
        databaseModule,
        TypeOrmModule.forRootAsync({
          imports: [databaseModule],
          inject: [DatabasePool],
          useFactory: (pool: DatabasePool) => ({ ...dataSourceOptions(pool), retryAttempts: 3, retryDelay: 500 }),
        }),
        CommonModule.forRoot(config),
        HealthModule,
        AuthModule,
        UsersModule,
        CurriculumModule,
        JourneyModule,
        CertificatesModule,
        CohortsModule,
        ReportsModule,
        StudiesModule,
        AuditModule,
        PrivacyModule,
        FollowUpsModule,
        RemindersModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
