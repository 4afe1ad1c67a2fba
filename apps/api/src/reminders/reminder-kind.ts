/**
 * One kind of reminder (follow_up; a study adds waitlist_baseline): which enrolments it is due for, a last check
 * before sending, and the message. The job (reminder-job.service.ts) owns the outbox, the locking and the sending.
 */
export interface ReminderKind {
  /** Stored in reminder_outbox.kind: lowercase letters and "_". */
  readonly kind: string;
  /** Enrolments this reminder is due for at `now`, each with the moment it became due (epoch ms). */
  due(now: number): Promise<DueReminder[]>;
  /** Right before sending: still due for that day (not answered since, date not moved, learner still in)? */
  stillDue(enrolmentId: string, dueOn: string, now: number): Promise<boolean>;
  message(recipient: ReminderRecipient, context: { dueOn: string; link: string }): ReminderMessage;
  /** The page the mail links to, under the site's base URL. */
  path(enrolmentId: string): string;
}

export interface DueReminder {
  enrolmentId: string;
  dueAt: number;
}

export interface ReminderRecipient {
  name: string;
  locale: 'es' | 'en';
}

export interface ReminderMessage {
  subject: string;
  text: string;
}

/** Every registered kind, in one array (see reminders.module.ts: add a kind to its factory's inject list). */
export const REMINDER_KINDS = Symbol('REMINDER_KINDS');

/** A reminder is not sent for a date further back than this (a new deployment must not mail every old follow-up). */
export const REMINDER_MAX_LATE_DAYS = 30;
