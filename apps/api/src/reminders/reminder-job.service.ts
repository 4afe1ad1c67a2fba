import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabasePool } from '../database/database-pool.js';
import { calendarDay } from '../follow-ups/follow-up-schedule.js';
import { Mailer } from './mailer.service.js';
import { REMINDER_KINDS, type ReminderKind } from './reminder-kind.js';

export interface ReminderRun {
  enqueued: number;
  sent: number;
  logged: number;
  skipped: number;
  failed: number;
  retrying: number;
}

interface Claimed {
  id: string;
  enrolment_id: string;
  kind: string;
  due_on: string;
}

const BATCH = 50;
const MAX_ATTEMPTS = 5;
const FIRST_RUN_AFTER_MS = 30_000;

/**
 * Reminder e-mails from the reminder_outbox table, on every replica: due reminders are added under their unique key
 * (enrolment, kind, due day; ON CONFLICT DO NOTHING), then claimed with FOR UPDATE SKIP LOCKED and marked `sending`
 * in a committed transaction before the mail leaves, and `sent` after. So a restart, a second replica or a crash
 * never sends one twice; a reminder claimed by a process that died is marked failed, not retried. Without SMTP_URL
 * each reminder is logged (kind, enrolment id and date only) and kept `logged`, to be sent if SMTP is configured later.
 */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderJob.name);
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<ReminderRun> | null = null;

  constructor(
    private readonly reads: DatabasePool,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REMINDER_KINDS) private readonly kinds: ReminderKind[],
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.mail.reminderIntervalSeconds * 1000;
    if (every === 0) return;
    const run = () => void this.runOnce().catch((error: unknown) => this.logger.warn({ msg: 'reminder run failed', err: String(error) }));
    this.timers = [setTimeout(run, Math.min(FIRST_RUN_AFTER_MS, every)).unref(), setInterval(run, every).unref()];
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** One pass: add what became due, then deliver. Overlapping calls in one process share the pass under way. */
  runOnce(): Promise<ReminderRun> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Adds the reminders due now (idempotent: the unique key drops those already there). */
  async enqueue(now: number = this.clock.now()): Promise<number> {
    let added = 0;
    for (const kind of this.kinds) {
      const due = await kind.due(now);
      if (due.length === 0) continue;
      const rows = await this.reads.rows<{ id: string }>(
        `INSERT INTO reminder_outbox (enrolment_id, kind, due_on)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])
         ON CONFLICT ON CONSTRAINT reminder_outbox_once DO NOTHING RETURNING id`,
        [due.map((d) => d.enrolmentId), due.map(() => kind.kind), due.map((d) => calendarDay(d.dueAt))],
      );
      added += rows.length;
    }
    return added;
  }

  private async pass(): Promise<ReminderRun> {
    const now = this.clock.now();
    const run: ReminderRun = { enqueued: await this.enqueue(now), sent: 0, logged: 0, skipped: 0, failed: 0, retrying: 0 };
    // Claimed by a process that stopped mid-send: it may have gone out, so it is closed, never sent again.
    await this.reads.rows(
      `UPDATE reminder_outbox SET status = 'failed', last_error = 'interrupted while sending (not retried)'
        WHERE status = 'sending' AND claimed_at < now() - interval '1 hour'`, [],
    );
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) break;
      for (const reminder of batch) run[await this.deliver(reminder, now)]++;
      if (batch.length < BATCH) break;
    }
    if (run.enqueued + run.sent + run.logged + run.failed > 0) this.logger.log({ msg: 'reminders', ...run });
    return run;
  }

  /** Takes ready rows no one else holds and marks them `sending`, committed before any mail leaves. */
  private claim(): Promise<Claimed[]> {
    // Without SMTP only new rows are logged; with SMTP, rows logged earlier are sent too.
    const ready = this.mailer.configured ? ['pending', 'logged'] : ['pending'];
    const kinds = this.kinds.map((k) => k.kind);
    return this.reads.transaction(async (m) => {
      const rows: Claimed[] = await m.query(
        `SELECT id, enrolment_id, kind, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM reminder_outbox
          WHERE status = ANY($1::text[]) AND kind = ANY($2::text[]) AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [ready, kinds],
      );
      if (rows.length > 0) {
        await m.query(`UPDATE reminder_outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      }
      return rows;
    });
  }

  private async deliver(reminder: Claimed, now: number): Promise<'sent' | 'logged' | 'skipped' | 'failed' | 'retrying'> {
    const kind = this.kinds.find((k) => k.kind === reminder.kind)!;
    const [to] = await this.reads.rows<{ email: string; display_name: string; locale: 'es' | 'en' }>(
      `SELECT u.email, u.display_name, u.locale FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE e.id = $1 AND e.status = 'active' AND u.disabled_at IS NULL`,
      [reminder.enrolment_id],
    );
    if (!to || !(await kind.stillDue(reminder.enrolment_id, reminder.due_on, now))) return this.finish(reminder, 'skipped', null);
    if (!this.mailer.configured) {
      this.logger.log({ msg: 'reminder not sent: no SMTP_URL', kind: reminder.kind, enrolmentId: reminder.enrolment_id, dueOn: reminder.due_on });
      return this.finish(reminder, 'logged', null);
    }
    const base = (this.config.publicUrl ?? `http://localhost:${this.config.port}`).replace(/\/+$/, '');
    const message = kind.message({ name: to.display_name, locale: to.locale }, { dueOn: reminder.due_on, link: base + kind.path(reminder.enrolment_id) });
    const outcome = await this.mailer.send(to.email, message);
    if (outcome.result === 'sent') return this.finish(reminder, 'sent', null);
    this.logger.warn({ msg: 'reminder not delivered', kind: reminder.kind, enrolmentId: reminder.enrolment_id, error: outcome.error, retry: outcome.result === 'retry' });
    return this.finish(reminder, outcome.result === 'retry' ? 'retrying' : 'failed', outcome.error);
  }

  private async finish(reminder: Claimed, outcome: 'sent' | 'logged' | 'skipped' | 'failed' | 'retrying', error: string | null) {
    if (outcome === 'retrying') {
      // Back to pending, later each time (15 min, 30 min, …), until MAX_ATTEMPTS.
      const [row] = await this.reads.rows<{ status: string }>(
        `UPDATE reminder_outbox SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END, last_error = $2,
                next_attempt_at = now() + make_interval(mins => 15 * attempts)
          WHERE id = $1 AND status = 'sending' RETURNING status`,
        [reminder.id, error, MAX_ATTEMPTS],
      );
      return row?.status === 'failed' ? 'failed' : 'retrying';
    }
    await this.reads.rows(
      `UPDATE reminder_outbox SET status = $2, last_error = $3, sent_at = CASE WHEN $2 = 'sent' THEN now() END WHERE id = $1 AND status = 'sending'`,
      [reminder.id, outcome, error],
    );
    return outcome;
  }
}
