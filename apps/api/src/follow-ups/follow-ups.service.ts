import { Inject, Injectable } from '@nestjs/common';
import type { PersistedJourney } from '#journey';
import type { AuthUser } from '../auth/auth-user.js';
import { CohortAccess } from '../cohorts/cohort-access.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabasePool } from '../database/database-pool.js';
import { toCsv } from '../reports/exports/export-csv.js';
import { calendarDay, followUpLink, followUpStanding } from './follow-up-schedule.js';
import type { FollowUpEntryDto, FollowUpScheduleDto } from './follow-ups.dto.js';

interface Row {
  id: string;
  display_name: string;
  journey: PersistedJourney | null;
  follow_up_days: number;
}

/** Who is due for the follow-up when, for the cohort's trainer: on the cohort page and as a list to send themselves. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly reads: DatabasePool,
    private readonly access: CohortAccess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async schedule(actor: AuthUser, cohortId: string, requestBaseUrl: string): Promise<FollowUpScheduleDto> {
    await this.access.assert(actor, cohortId);
    const [cohort] = await this.reads.rows<{ follow_up_days: number }>(`SELECT follow_up_days FROM cohorts WHERE id = $1`, [cohortId]);
    // Removed learners are out of the cohort; a journey is only read where a date can exist (completed or later).
    const rows = await this.reads.rows<Row>(
      `SELECT e.id, u.display_name, c.follow_up_days,
              CASE WHEN e.stage IN ('completed', 'followUp', 'done', 'withdrawn') THEN e.journey END AS journey
         FROM enrolments e JOIN users u ON u.id = e.user_id JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.cohort_id = $1 AND e.status = 'active' AND e.course_version_id IS NOT NULL
        ORDER BY u.display_name, e.id`,
      [cohortId],
    );
    const now = this.clock.now();
    const base = this.config.publicUrl ?? requestBaseUrl;
    const learners = rows
      .map((row): FollowUpEntryDto => {
        const { status, dueAt } = followUpStanding(row.journey, row.follow_up_days, now);
        return {
          enrolmentId: row.id, learnerName: row.display_name, status,
          dueAt: dueAt === null ? null : new Date(dueAt).toISOString(), dueOn: dueAt === null ? null : calendarDay(dueAt), link: followUpLink(base, row.id),
        };
      })
      .filter((entry) => entry.status !== 'withdrawn')
      // Stable sort: soonest date first, learners without a date last, names in between as the query gave them.
      .sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'));
    return { followUpDays: cohort!.follow_up_days, learners };
  }

  /**
   * The learners to remind, for the trainer to send by WhatsApp themselves: due now or opening later, not yet answered.
   * Names and links only (no e-mail); cells that a spreadsheet would run as a formula are written as text.
   */
  async dueCsv(actor: AuthUser, cohortId: string, requestBaseUrl: string): Promise<string> {
    const { learners } = await this.schedule(actor, cohortId, requestBaseUrl);
    const rows = learners.filter((l) => l.status === 'due' || l.status === 'waiting').map((l) => [l.learnerName, l.status, l.dueOn, l.link]);
    return toCsv({ columns: ['name', 'status', 'due_on', 'link'], rows });
  }
}
