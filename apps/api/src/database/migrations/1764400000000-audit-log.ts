import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: every read of identifiable data by staff and every administrative change, append-only.
 * - A trigger refuses UPDATE and TRUNCATE always, and DELETE of any entry younger than 365 days (the retention job
 *   removes only older ones), for every role that runs the application's SQL, its owner included.
 * - Each entry's `hash` is SHA-256 over its content and the previous entry's hash (`prev_hash`), computed in the
 *   database under a lock, so entries form one chain across replicas; altering or removing an entry breaks the chain
 *   at that point (audit_log_broken_link() finds it), even for someone who bypassed the trigger.
 * Entries hold ids only, never names or e-mails: they outlive the accounts they mention without identifying anyone.
 */
export class AuditLog1764400000000 implements MigrationInterface {
  name = 'AuditLog1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text CHECK (actor_role IN ('learner', 'trainer', 'admin', 'system')),
        action text NOT NULL CHECK (action ~ '^[a-z_]+(\\.[a-z_]+)*$'),
        subject_id uuid,
        cohort_ids uuid[] NOT NULL DEFAULT '{}',
        target_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, seq) WHERE subject_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq)`);
    await q.query(`CREATE INDEX audit_log_cohorts_idx ON audit_log USING gin (cohort_ids)`);
    // The text an entry's hash covers: every column but the hash itself, in a fixed, time-zone-independent form.
    await q.query(`
      CREATE FUNCTION audit_log_canonical(e audit_log) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT concat_ws('|', e.seq::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                         coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), e.action, coalesce(e.subject_id::text, ''),
                         array_to_string(e.cohort_ids, ','), coalesce(e.target_id, ''), e.details::text, e.prev_hash)
      $$`);
    await q.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last audit_log%ROWTYPE;
      BEGIN
        -- One writer at a time (until commit), so every entry links to the one committed before it, on any replica.
        PERFORM pg_advisory_xact_lock(5931597437311660001);
        SELECT * INTO last FROM audit_log ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last.seq, 0) + 1;
        NEW.at := clock_timestamp();
        NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
        NEW.hash := encode(sha256(convert_to(audit_log_canonical(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.at < now() - interval '365 days' THEN
            RETURN OLD; -- retention: entries over a year old may be removed (oldest first, by the retention job)
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    // Where the chain first fails: an entry whose hash does not match its content, or whose prev_hash is not the hash
    // of the entry before it (an entry removed or inserted out of order). NULL when the chain is whole.
    await q.query(`
      CREATE FUNCTION audit_log_broken_link() RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT seq FROM (
          SELECT e.seq, e.hash, e.prev_hash, lag(e.hash) OVER (ORDER BY e.seq) AS previous,
                 lag(e.seq) OVER (ORDER BY e.seq) AS previous_seq,
                 encode(sha256(convert_to(audit_log_canonical(e), 'UTF8')), 'hex') AS recomputed
            FROM audit_log e) c
         WHERE c.recomputed <> c.hash OR (c.previous IS NOT NULL AND (c.previous <> c.prev_hash OR c.previous_seq <> c.seq - 1))
         ORDER BY seq LIMIT 1
      $$`);
    await q.query(`COMMENT ON TABLE audit_log IS
      'Append-only (trigger) and hash-chained: staff reads of identifiable data and administrative changes; ids only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_log_broken_link()`);
    await q.query(`DROP FUNCTION audit_log_canonical(audit_log)`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
  }
}
