import { Injectable } from '@nestjs/common';
import { DAY_MS, type PersistedJourney } from '#journey';
import { Clock } from '../common/clock.js';
import { DatabasePool } from '../database/database-pool.js';
import { calendarDay } from '../follow-ups/follow-up-schedule.js';
import { type DueReminder, REMINDER_MAX_LATE_DAYS, type ReminderKind, type ReminderMessage, type ReminderRecipient } from './reminder-kind.js';

/** One language's wording of a reminder; the greeting, the sign-in line and the signature are the same for every kind. */
export interface ReminderWording {
  /** The subject (English: the part after the Spanish subject and " / "). */
  subject: string;
  /** The paragraph saying what opened on `date` (already written out in the language). */
  opened(date: string): string;
  /** The closing "we write only once" line. */
  once: string;
}

/** What every kind reads of a candidate: the enrolment, its stored journey and the cohort's follow-up delay. */
export interface ReminderRow {
  id: string;
  journey: PersistedJourney;
  follow_up_days: number;
}

const DATE_FORMAT = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;

/**
 * A reminder kind whose candidates come from one SQL query and whose standing the journey machine decides: SQL only
 * narrows (a date near now), `dueAt` decides, and `due` and `stillDue` ask it of the same rows so they cannot disagree.
 */
@Injectable()
export abstract class ScheduledReminder<Row extends ReminderRow = ReminderRow> implements ReminderKind {
  abstract readonly kind: string;
  /** SELECT … WHERE … of every candidate; the narrowing conditions are appended as `AND …`. */
  protected abstract readonly candidates: string;
  /** `AND …` keeping the candidates whose date may fall between $2 and $1 (now). */
  protected abstract readonly nearNow: string;
  protected abstract readonly wording: { es: ReminderWording; en: ReminderWording };

  constructor(
    private readonly reads: DatabasePool,
    private readonly clock: Clock,
  ) {}

  /** When the reminder became due for this row at `now` (epoch ms), or null when it is not due. */
  protected abstract dueAt(row: Row, now: number): number | null;

  abstract path(enrolmentId: string): string;

  async due(now: number): Promise<DueReminder[]> {
    const since = now - REMINDER_MAX_LATE_DAYS * DAY_MS;
    const rows = await this.reads.rows<Row>(`${this.candidates}${this.nearNow}`, [new Date(now), new Date(since)]);
    return rows.flatMap((row) => {
      const dueAt = this.dueAt(row, now);
      return dueAt !== null && dueAt > since ? [{ enrolmentId: row.id, dueAt }] : [];
    });
  }

  async stillDue(enrolmentId: string, dueOn: string, now: number = this.clock.now()): Promise<boolean> {
    const [row] = await this.reads.rows<Row>(`${this.candidates} AND e.id = $1`, [enrolmentId]);
    if (!row) return false;
    const dueAt = this.dueAt(row, now);
    return dueAt !== null && calendarDay(dueAt) === dueOn;
  }

  message(recipient: ReminderRecipient, { dueOn, link }: { dueOn: string; link: string }): ReminderMessage {
    const date = new Date(`${dueOn}T12:00:00Z`);
    const { es, en } = this.wording;
    const textEs = [
      `Hola, ${recipient.name}:`, '', es.opened(date.toLocaleDateString('es-PE', DATE_FORMAT)), '',
      `Entre aquí con su correo y su contraseña: ${link}`, '', es.once, '— Respeta',
    ];
    const textEn = [
      `Hello ${recipient.name},`, '', en.opened(date.toLocaleDateString('en-GB', DATE_FORMAT)), '',
      `Sign in here with your e-mail and password: ${link}`, '', en.once, '— Respeta',
    ];
    // Spanish always (the learners' language); English below it for those who chose English.
    return recipient.locale === 'en'
      ? { subject: `${es.subject} / ${en.subject}`, text: [...textEs, '', '-----', '', ...textEn].join('\n') }
      : { subject: es.subject, text: textEs.join('\n') };
  }
}
