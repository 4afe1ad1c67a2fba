import { Injectable } from '@nestjs/common';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import type { AuthUser } from '../auth/auth-user.js';
import { notFound } from '../common/app-exception.js';

/**
 * The single ownership rule for cohorts: a trainer reaches only cohorts they run, an admin reaches all. Anything else
 * is "not found" (404), so a trainer cannot even learn that another trainer's cohort exists.
 */
@Injectable()
export class CohortAccess {
  constructor(private readonly db: DatabasePool) {}

  async assert(actor: AuthUser, cohortId: string, m: SqlClient = this.db): Promise<void> {
    const [row] = await m.query(`SELECT trainer_id FROM cohorts WHERE id = $1`, [cohortId]);
    if (!row || (actor.role !== 'admin' && row.trainer_id !== actor.id)) throw notFound('Cohort');
  }

  async assertAll(actor: AuthUser, cohortIds: string[]): Promise<void> {
    for (const id of cohortIds) await this.assert(actor, id);
  }
}
