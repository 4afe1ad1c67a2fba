import type { DataSourceOptions } from 'typeorm';
import type { DatabasePool } from './database-pool.js';
import { UserEntity } from '../users/user.entity.js';
import { InitialSchema1764180000000 } from './migrations/1764180000000-initial-schema.js';
import { CourseVersions1764190000000 } from './migrations/1764190000000-course-versions.js';
import { Journey1764200000000 } from './migrations/1764200000000-journey.js';
import { CohortWorkspace1764210000000 } from './migrations/1764210000000-cohort-workspace.js';
import { ContentSources1764220000000 } from './migrations/1764220000000-content-sources.js';
import { AttemptScores1764230000000 } from './migrations/1764230000000-attempt-scores.js';
import { AnswerVectors1764240000000 } from './migrations/1764240000000-answer-vectors.js';
import { ConsentChoice1764250000000 } from './migrations/1764250000000-consent-choice.js';
import { ContentEditor1764260000000 } from './migrations/1764260000000-content-editor.js';
import { ScheduledJobs1764260000001 } from './migrations/1764260000001-scheduled-jobs.js';
import { OptionSeeds1764280000000 } from './migrations/1764280000000-option-seeds.js';
import { ActionPlans1764300000000 } from './migrations/1764300000000-action-plans.js';
import { AuditLog1764400000000 } from './migrations/1764400000000-audit-log.js';
import { PersonalDataRights1764400000001 } from './migrations/1764400000001-personal-data-rights.js';
import { DraftEditing1764430000000 } from './migrations/1764430000000-draft-editing.js';
import { ReminderOutbox1764450000000 } from './migrations/1764450000000-reminder-outbox.js';
import { PracticeAttempts1764450000001 } from './migrations/1764450000001-practice-attempts.js';
import { ReportVectors1764480000000 } from './migrations/1764480000000-report-vectors.js';
import { Studies1764500000000 } from './migrations/1764500000000-studies.js';
import { ReportVectorsPlpgsql1764510000000 } from './migrations/1764510000000-report-vectors-plpgsql.js';
import { ReportVectorsRowTriggers1764520000000 } from './migrations/1764520000000-report-vectors-row-triggers.js';
import { Lz4Journey1764520000001 } from './migrations/1764520000001-lz4-journey.js';
import { EnrolmentsHotUpdates1764520000002 } from './migrations/1764520000002-enrolments-hot-updates.js';
import { DropAttemptsWaveIndex1764520000003 } from './migrations/1764520000003-drop-attempts-wave-index.js';
import { UnchangedRowGuard1764530000000 } from './migrations/1764530000000-unchanged-row-guard.js';

// Only the users table is read through an entity; everything else uses plain SQL (see the services).
export const ENTITIES = [UserEntity];
/** Listed explicitly (no globs): works the same under tsc output, jest and bundlers. Never edit a landed one. */
export const MIGRATIONS = [
  InitialSchema1764180000000,
  CourseVersions1764190000000,
  Journey1764200000000,
  CohortWorkspace1764210000000,
  ContentSources1764220000000,
  AttemptScores1764230000000,
  AnswerVectors1764240000000,
  ConsentChoice1764250000000,
  ContentEditor1764260000000,
  ScheduledJobs1764260000001,
  OptionSeeds1764280000000,
  ActionPlans1764300000000,
  AuditLog1764400000000,
  PersonalDataRights1764400000001,
  DraftEditing1764430000000,
  ReminderOutbox1764450000000,
  PracticeAttempts1764450000001,
  ReportVectors1764480000000,
  Studies1764500000000,
  ReportVectorsPlpgsql1764510000000,
  ReportVectorsRowTriggers1764520000000,
  Lz4Journey1764520000001,
  EnrolmentsHotUpdates1764520000002,
  DropAttemptsWaveIndex1764520000003,
  UnchangedRowGuard1764530000000,
];

/**
 * TypeORM runs the migrations and serves the users entity; it borrows the app's one pool (DatabasePool) instead of
 * opening its own, so both count against the same connection limit and see the same embedded/server settings.
 */
export function dataSourceOptions(pool: DatabasePool): DataSourceOptions {
  return {
    type: 'postgres',
    driver: pool.typeormDriver(),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
  };
}
