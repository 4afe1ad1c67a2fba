import { Injectable } from '@nestjs/common';
import { type ReminderRow, ScheduledReminder } from '../reminders/scheduled-reminder.js';
import { waitlistStanding } from './waitlist-standing.js';

interface Row extends ReminderRow {
  waitlist_at: Date;
}

/** "Your second initial assessment is open": a study's waitlist, from its date until answered (once per date). */
@Injectable()
export class WaitlistBaselineReminders extends ScheduledReminder<Row> {
  readonly kind = 'waitlist_baseline';

  // SQL narrows the candidates (a waitlist cohort whose second baseline came in the last 30 days, learner still in and
  // not past the pre-assessment); the journey machine decides each one (waitlistStanding).
  protected readonly candidates = `
  SELECT e.id, e.journey, c.follow_up_days, s.second_baseline_at AS waitlist_at
    FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
    JOIN study_arms sa ON sa.cohort_id = e.cohort_id AND sa.arm = 'waitlist' JOIN studies s ON s.id = sa.study_id
   WHERE e.status = 'active' AND e.stage IN ('waiting', 'preAssessment') AND e.journey IS NOT NULL`;
  protected readonly nearNow = ' AND s.second_baseline_at <= $1 AND s.second_baseline_at > $2';

  protected readonly wording = {
    es: {
      subject: 'Respeta: ya puede empezar el curso (segunda evaluación inicial)',
      opened: (date: string) => `Desde el ${date} su grupo puede empezar el curso de Respeta. Primero le pedimos responder otra vez la evaluación inicial (las mismas preguntas de la primera vez): así el estudio puede comparar qué cambia con el curso y qué cambia solo con el tiempo. Después empieza el curso.`,
      once: 'Le escribimos una sola vez por esta evaluación.',
    },
    en: {
      subject: 'You can start the course (second initial assessment)',
      opened: (date: string) => `Since ${date} your group can start the Respeta course. First, please answer the initial assessment again (the same questions as the first time): this lets the study compare what changes with the course and what changes just with time. Then the course starts.`,
      once: 'We write to you only once about this assessment.',
    },
  };

  // The second baseline's date is the study's (waitlist_at), which the SQL already keeps within the last 30 days.
  protected dueAt(row: Row, now: number): number | null {
    const standing = waitlistStanding(row.journey, row, now);
    return standing?.status === 'due' ? standing.dueAt : null;
  }

  path(enrolmentId: string): string {
    return `/learn/${enrolmentId}`;
  }
}
