import { Inject, Injectable } from '@nestjs/common';
import type { PersistedJourney } from '#journey';
import type { AuthUser } from '../auth/auth-user.js';
import { CohortAccess } from '../cohorts/cohort-access.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabasePool } from '../database/database-pool.js';
import { toCsv } from '../reports/exports/export-csv.js';
import { waitlistStanding } from '../studies/waitlist-standing.js';
import { calendarDay, followUpLink, followUpStanding } from './follow-up-schedule.js';
import type { FollowUpEntryDto, FollowUpScheduleDto, WaitlistScheduleDto } from './follow-ups.dto.js';

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
    return { followUpDays: cohort!.follow_up_days, learners, waitlist: await this.waitlist(cohortId, base, now) };
  }

  /** A study's waitlist cohort: each active learner's standing with the second baseline (the machine decides). */
  private async waitlist(cohortId: string, base: string, now: number): Promise<WaitlistScheduleDto | null> {
    const rows = await this.reads.rows<{ id: string; display_name: string; journey: PersistedJourney | null; follow_up_days: number; waitlist_at: Date }>(
      `SELECT e.id, u.display_name, e.journey, c.follow_up_days, s.second_baseline_at AS waitlist_at
         FROM study_arms sa JOIN studies s ON s.id = sa.study_id JOIN cohorts c ON c.id = sa.cohort_id
         LEFT JOIN enrolments e ON e.cohort_id = c.id AND e.status = 'active' AND e.course_version_id IS NOT NULL
         LEFT JOIN users u ON u.id = e.user_id
        WHERE sa.cohort_id = $1 AND sa.arm = 'waitlist'
        ORDER BY u.display_name, e.id`,
      [cohortId],
    );
    if (rows.length === 0) return null;
    const at = new Date(rows[0]!.waitlist_at).getTime();
    const learners = rows.flatMap((row) => {
      if (!row.id) return [];
      const standing = waitlistStanding(row.journey, row, now);
      // A learner who answered nothing before the date passed never joined the waitlist: not listed.
      if (!standing || standing.status === 'withdrawn') return [];
      return [{ enrolmentId: row.id, learnerName: row.display_name, status: standing.status, link: `${base.replace(/\/+$/, '')}/learn/${row.id}` }];
    });
    return { secondBaselineAt: new Date(at).toISOString(), secondBaselineOn: calendarDay(at), learners };
  }

  /**
   * The learners to remind, for the trainer to send by WhatsApp themselves: due now or opening later, not yet answered.
   * Names and links only (no e-mail); cells that a spreadsheet would run as a formula are written as text.
   */
  async dueCsv(actor: AuthUser, cohortId: string, requestBaseUrl: string): Promise<string> {
    const { learners, waitlist } = await this.schedule(actor, cohortId, requestBaseUrl);
    const rows = learners.filter((l) => l.status === 'due' || l.status === 'waiting').map((l) => [l.learnerName, l.status, l.dueOn, l.link]);
    // A study's waitlist: the second baseline is due on the study's date (status second_baseline_due / _waiting).
    for (const l of waitlist?.learners ?? []) {
      if (l.status === 'due' || l.status === 'waiting') rows.push([l.learnerName, `second_baseline_${l.status}`, waitlist!.secondBaselineOn, l.link]);
    }
    return toCsv({ columns: ['name', 'status', 'due_on', 'link'], rows });
  }
}
