import type { DataSourceOptions } from 'typeorm';
import { AuthSessionEntity, RefreshTokenEntity } from '../auth/auth-session.entity.js';
import { CohortEntity, EnrolmentEntity, InviteCodeEntity } from '../cohorts/cohort.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { InitialSchema1764180000000 } from './migrations/1764180000000-initial-schema.js';

export const ENTITIES = [UserEntity, AuthSessionEntity, RefreshTokenEntity, CohortEntity, InviteCodeEntity, EnrolmentEntity];
/** Listed explicitly (no globs): works the same under tsc output, jest and bundlers. Never edit a landed one. */
export const MIGRATIONS = [InitialSchema1764180000000];

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  };
}
