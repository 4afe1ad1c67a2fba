import { Injectable } from '@nestjs/common';
import { followUpStanding } from '../follow-ups/follow-up-schedule.js';
import { type ReminderRow, ScheduledReminder } from './scheduled-reminder.js';

/** "Your follow-up questionnaire is open": from the day it opens until it is answered (once per date). */
@Injectable()
export class FollowUpReminders extends ScheduledReminder {
  readonly kind = 'follow_up';

  // SQL only narrows the candidates (completed, still in the cohort, a date near now under either the stored or the
  // cohort's delay); the journey machine decides each one (followUpStanding).
  protected readonly candidates = `
  SELECT e.id, e.journey, c.follow_up_days
    FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
   WHERE e.status = 'active' AND e.stage IN ('completed', 'followUp') AND e.completed_at IS NOT NULL AND e.journey IS NOT NULL`;
  protected readonly nearNow = `
     AND e.completed_at + make_interval(days => least(c.follow_up_days, (e.journey #>> '{context,outline,followUpDelayDays}')::int)) <= $1
     AND e.completed_at + make_interval(days => greatest(c.follow_up_days, (e.journey #>> '{context,outline,followUpDelayDays}')::int)) > $2`;

  protected readonly wording = {
    es: {
      subject: 'Respeta: su cuestionario de seguimiento ya está disponible',
      opened: (date: string) => `Desde el ${date} puede responder el cuestionario de seguimiento del curso de Respeta. Son unos 20 minutos: algunas preguntas de conocimientos, de opinión y sobre su trabajo en los últimos meses. Sus respuestas nos dicen si el curso sirve en la práctica.`,
      once: 'Le escribimos una sola vez por este cuestionario.',
    },
    en: {
      subject: 'Your follow-up questionnaire is open',
      opened: (date: string) => `Since ${date} you can answer the follow-up questionnaire of the Respeta course. It takes about 20 minutes: a few knowledge and opinion questions, and some about your work in the last months. Your answers tell us whether the course helps in practice.`,
      once: 'We write to you only once about this questionnaire.',
    },
  };

  protected dueAt(row: ReminderRow, now: number): number | null {
    const { status, dueAt } = followUpStanding(row.journey, row.follow_up_days, now);
    return status === 'due' ? dueAt : null;
  }

  path(enrolmentId: string): string {
    return `/learn/${enrolmentId}/follow-up`;
  }
}
