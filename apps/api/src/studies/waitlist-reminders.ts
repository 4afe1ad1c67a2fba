import { Injectable } from '@nestjs/common';
import { DAY_MS, type PersistedJourney } from '#journey';
import { Clock } from '../common/clock.js';
import { DatabasePool } from '../database/database-pool.js';
import { calendarDay } from '../follow-ups/follow-up-schedule.js';
import { type DueReminder, REMINDER_MAX_LATE_DAYS, type ReminderKind, type ReminderMessage, type ReminderRecipient } from '../reminders/reminder-kind.js';
import { waitlistStanding } from './waitlist-standing.js';

interface Row {
  id: string;
  journey: PersistedJourney;
  follow_up_days: number;
  waitlist_at: Date;
}

// SQL narrows the candidates (a waitlist cohort whose second baseline came in the last 30 days, learner still in and
// not past the pre-assessment); the journey machine decides each one (waitlistStanding).
const CANDIDATES = `
  SELECT e.id, e.journey, c.follow_up_days, s.second_baseline_at AS waitlist_at
    FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
    JOIN study_arms sa ON sa.cohort_id = e.cohort_id AND sa.arm = 'waitlist' JOIN studies s ON s.id = sa.study_id
   WHERE e.status = 'active' AND e.stage IN ('waiting', 'preAssessment') AND e.journey IS NOT NULL`;

/** "Your second initial assessment is open": a study's waitlist, from its date until answered (once per date). */
@Injectable()
export class WaitlistBaselineReminders implements ReminderKind {
  readonly kind = 'waitlist_baseline';

  constructor(
    private readonly reads: DatabasePool,
    private readonly clock: Clock,
  ) {}

  async due(now: number): Promise<DueReminder[]> {
    const rows = await this.reads.rows<Row>(
      `${CANDIDATES} AND s.second_baseline_at <= $1 AND s.second_baseline_at > $2`,
      [new Date(now), new Date(now - REMINDER_MAX_LATE_DAYS * DAY_MS)],
    );
    return rows.flatMap((row) => {
      const standing = waitlistStanding(row.journey, row, now);
      return standing?.status === 'due' ? [{ enrolmentId: row.id, dueAt: standing.dueAt }] : [];
    });
  }

  async stillDue(enrolmentId: string, dueOn: string, now: number = this.clock.now()): Promise<boolean> {
    const [row] = await this.reads.rows<Row>(`${CANDIDATES} AND e.id = $1`, [enrolmentId]);
    if (!row) return false;
    const standing = waitlistStanding(row.journey, row, now);
    return standing?.status === 'due' && calendarDay(standing.dueAt) === dueOn;
  }

  path(enrolmentId: string): string {
    return `/learn/${enrolmentId}`;
  }

  message(recipient: ReminderRecipient, { dueOn, link }: { dueOn: string; link: string }): ReminderMessage {
    const date = new Date(`${dueOn}T12:00:00Z`);
    const es = [
      `Hola, ${recipient.name}:`,
      '',
      `Desde el ${date.toLocaleDateString('es-PE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} su grupo puede empezar el curso de Respeta. Primero le pedimos responder otra vez la evaluación inicial (las mismas preguntas de la primera vez): así el estudio puede comparar qué cambia con el curso y qué cambia solo con el tiempo. Después empieza el curso.`,
      '',
      `Entre aquí con su correo y su contraseña: ${link}`,
      '',
      'Le escribimos una sola vez por esta evaluación.',
      '— Respeta',
    ];
    const en = [
      `Hello ${recipient.name},`,
      '',
      `Since ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} your group can start the Respeta course. First, please answer the initial assessment again (the same questions as the first time): this lets the study compare what changes with the course and what changes just with time. Then the course starts.`,
      '',
      `Sign in here with your e-mail and password: ${link}`,
      '',
      'We write to you only once about this assessment.',
      '— Respeta',
    ];
    const subjectEs = 'Respeta: ya puede empezar el curso (segunda evaluación inicial)';
    return recipient.locale === 'en'
      ? { subject: `${subjectEs} / You can start the course (second initial assessment)`, text: [...es, '', '-----', '', ...en].join('\n') }
      : { subject: subjectEs, text: es.join('\n') };
  }
}
