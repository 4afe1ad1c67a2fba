import { Module } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '../config/app-config.js';
import { AuditModule } from '../audit/audit.module.js';
import { CohortsModule } from '../cohorts/cohorts.module.js';
import { CurriculumModule } from '../curriculum/curriculum.module.js';
import { ExportsService } from './exports.service.js';
import { ReportsController } from './reports.controller.js';
import { REPORT_WORKER_SCRIPT, ReportWorkers } from './report-workers.service.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [CurriculumModule, CohortsModule, AuditModule],
  controllers: [ReportsController],
  providers: [
    ReportsService,
    ExportsService,
    {
      provide: ReportWorkers,
      useFactory: (config: AppConfig) => new ReportWorkers({ ...config.reportWorkers, script: REPORT_WORKER_SCRIPT, idleMs: 60_000 }),
      inject: [APP_CONFIG],
    },
  ],
})
export class ReportsModule {}
