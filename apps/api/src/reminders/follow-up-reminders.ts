import { Injectable } from '@nestjs/common';
import { DAY_MS, type PersistedJourney } from '#journey';
import { Clock } from '../common/clock.js';
import { DatabasePool } from '../database/database-pool.js';
import { calendarDay, followUpStanding } from '../follow-ups/follow-up-schedule.js';
import { type DueReminder, REMINDER_MAX_LATE_DAYS, type ReminderKind, type ReminderMessage, type ReminderRecipient } from './reminder-kind.js';

interface Row {
  id: string;
  journey: PersistedJourney;
  follow_up_days: number;
}

// SQL only narrows the candidates (completed, still in the cohort, a date near now under either the stored or the
// cohort's delay); the journey machine decides each one (followUpStanding).
const CANDIDATES = `
  SELECT e.id, e.journey, c.follow_up_days
    FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
   WHERE e.status = 'active' AND e.stage IN ('completed', 'followUp') AND e.completed_at IS NOT NULL AND e.journey IS NOT NULL`;
const NEAR_NOW = `
     AND e.completed_at + make_interval(days => least(c.follow_up_days, (e.journey #>> '{context,outline,followUpDelayDays}')::int)) <= $1
     AND e.completed_at + make_interval(days => greatest(c.follow_up_days, (e.journey #>> '{context,outline,followUpDelayDays}')::int)) > $2`;

/** "Your follow-up questionnaire is open": from the day it opens until it is answered (once per date). */
@Injectable()
export class FollowUpReminders implements ReminderKind {
  readonly kind = 'follow_up';

  constructor(
    private readonly reads: DatabasePool,
    private readonly clock: Clock,
  ) {}

  async due(now: number): Promise<DueReminder[]> {
    const rows = await this.reads.rows<Row>(`${CANDIDATES}${NEAR_NOW}`, [new Date(now), new Date(now - REMINDER_MAX_LATE_DAYS * DAY_MS)]);
    return rows.flatMap((row) => {
      const { status, dueAt } = followUpStanding(row.journey, row.follow_up_days, now);
      return status === 'due' && dueAt !== null && dueAt > now - REMINDER_MAX_LATE_DAYS * DAY_MS ? [{ enrolmentId: row.id, dueAt }] : [];
    });
  }

  async stillDue(enrolmentId: string, dueOn: string, now: number = this.clock.now()): Promise<boolean> {
    const [row] = await this.reads.rows<Row>(`${CANDIDATES} AND e.id = $1`, [enrolmentId]);
    if (!row) return false;
    const { status, dueAt } = followUpStanding(row.journey, row.follow_up_days, now);
    return status === 'due' && dueAt !== null && calendarDay(dueAt) === dueOn;
  }

  path(enrolmentId: string): string {
    return `/learn/${enrolmentId}/follow-up`;
  }

  message(recipient: ReminderRecipient, { dueOn, link }: { dueOn: string; link: string }): ReminderMessage {
    const date = new Date(`${dueOn}T12:00:00Z`);
    const es = [
      `Hola, ${recipient.name}:`,
      '',
      `Desde el ${date.toLocaleDateString('es-PE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} puede responder el cuestionario de seguimiento del curso de Respeta. Son unos 20 minutos: algunas preguntas de conocimientos, de opinión y sobre su trabajo en los últimos meses. Sus respuestas nos dicen si el curso sirve en la práctica.`,
      '',
      `Entre aquí con su correo y su contraseña: ${link}`,
      '',
      'Le escribimos una sola vez por este cuestionario.',
      '— Respeta',
    ];
    const en = [
      `Hello ${recipient.name},`,
      '',
      `Since ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} you can answer the follow-up questionnaire of the Respeta course. It takes about 20 minutes: a few knowledge and opinion questions, and some about your work in the last months. Your answers tell us whether the course helps in practice.`,
      '',
      `Sign in here with your e-mail and password: ${link}`,
      '',
      'We write to you only once about this questionnaire.',
      '— Respeta',
    ];
    // Spanish always (the learners' language); English below it for those who chose English.
    const subjectEs = 'Respeta: su cuestionario de seguimiento ya está disponible';
    return recipient.locale === 'en'
      ? { subject: `${subjectEs} / Your follow-up questionnaire is open`, text: [...es, '', '-----', '', ...en].join('\n') }
      : { subject: subjectEs, text: es.join('\n') };
  }
}
