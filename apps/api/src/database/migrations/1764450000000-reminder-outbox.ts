import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminder e-mails as an outbox: one row per enrolment, kind and due date (the unique key is what makes a reminder
 * go out at most once, whichever replica or restart gets to it). A row is claimed with FOR UPDATE SKIP LOCKED and
 * marked `sending` in its own transaction before the mail leaves; a row left `sending` by a crash is never retried.
 */
export class ReminderOutbox1764450000000 implements MigrationInterface {
  name = 'ReminderOutbox1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,39}$'),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'logged', 'skipped', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        sent_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_outbox_once UNIQUE (enrolment_id, kind, due_on)
      )`);
    await q.query(`COMMENT ON TABLE reminder_outbox IS
      'One reminder per enrolment, kind and due date (Peru calendar day). pending/logged: may be sent; sending: claimed (never retried after a crash); sent/skipped/failed: final'`);
    await q.query(`CREATE INDEX reminder_outbox_ready_idx ON reminder_outbox (next_attempt_at) WHERE status IN ('pending', 'logged')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminder_outbox`);
  }
}
