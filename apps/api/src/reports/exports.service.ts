import { Inject, Injectable } from '@nestjs/common';
import { strToU8, zipSync } from 'fflate';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { CohortAccess } from '../cohorts/cohort-access.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { scoreCohort } from './cohort-scores.js';
import { DatabasePool } from '../database/database-pool.js';
import { ATTITUDES_FILE, CODEBOOK_FILE, codebookTable, KNOWLEDGE_FILE, PRACTICE_FILE } from './exports/export-codebook.js';
import { toCsv } from './exports/export-csv.js';
import { README_FILE, readme, REPRODUCE_FILE } from './exports/export-readme.js';
import { exportPracticeTable, exportScope, exportTables, pseudonymizer } from './exports/export-tables.js';
import { loadPracticeAnswers } from './practice-report.js';
import { REPRODUCE_R } from './exports/reproduce-r.js';
import { ReportsService } from './reports.service.js';

export interface ExportBundle {
  zip: Uint8Array;
  fileName: string;
}

/**
 * Research exports: one ZIP per export scope (a cohort, or the cohorts of a combined report) with the knowledge and
 * attitude files (separate pseudonyms keyed to the scope; see exports/export-tables), the codebook, a README and a
 * base-R script that recomputes the report's headline statistics from the files. Only evaluation-use learners.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CohortAccess,
    private readonly audit: AuditLog,
    private readonly reads: DatabasePool,
  ) {}

  /** The bundle as a member of staff may have it: only cohorts they run (admins: any). */
  async bundleFor(actor: AuthUser, cohortIds: string[]): Promise<ExportBundle> {
    await this.access.assertAll(actor, cohortIds);
    await this.audit.record({ actor, action: 'export.download', cohortIds });
    return this.bundle(cohortIds);
  }

  async bundle(cohortIds: string[], now = new Date()): Promise<ExportBundle> {
    const course = await this.reports.courseFor(cohortIds);
    const [answers, practiceAnswers] = await Promise.all([this.reports.answers(cohortIds, course), loadPracticeAnswers(this.reads, cohortIds)]);
    const { scores } = scoreCohort(course, answers);
    const secret = this.config.pseudonymSecret;
    const tables = exportTables(course, answers, scores, {
      knowledge: pseudonymizer(secret, cohortIds, 'knowledge'),
      attitude: pseudonymizer(secret, cohortIds, 'attitude'),
    });
    const practice = exportPracticeTable(course, answers, practiceAnswers, pseudonymizer(secret, cohortIds, 'practice'));
    const files: Record<string, Uint8Array> = {
      [README_FILE]: strToU8(readme(course, {
        generatedAt: now.toISOString(),
        cohorts: exportScope(cohortIds).split(',').length,
        learners: tables.learners,
        attitudeContributors: tables.attitudeContributors,
        attitudesIncluded: tables.attitudes !== null,
        practiceContributors: practice.contributors,
        practiceIncluded: practice.table !== null,
        hasPractice: course.practiceQuestionnaire !== undefined,
      })),
      [KNOWLEDGE_FILE]: strToU8(toCsv(tables.knowledge)),
      ...(tables.attitudes ? { [ATTITUDES_FILE]: strToU8(toCsv(tables.attitudes)) } : {}),
      ...(practice.table ? { [PRACTICE_FILE]: strToU8(toCsv(practice.table)) } : {}),
      [CODEBOOK_FILE]: strToU8(toCsv(codebookTable(course, tables.attitudes !== null, practice.table !== null))),
      [REPRODUCE_FILE]: strToU8(REPRODUCE_R),
    };
    return {
      zip: zipSync(files, { level: 6, mtime: now }),
      fileName: `respeta-export-${now.toISOString().slice(0, 10)}.zip`,
    };
  }
}
