import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learners' rights over their data (Ley 29733, DS 016-2024-JUS):
 * - users.legal_name: the name printed on certificates (the chosen display name when unset).
 * - profile_changes: who changed which profile field when; the old value only for the legal name (certificates were
 *   issued under it), and only until the retention job erases it.
 * - deletion_requests: a learner asks, an admin confirms; the row keeps no name or e-mail and outlives the account
 *   (proof of the erasure) until the retention job removes it.
 * - enrolments.user_id becomes optional: an erased learner's evaluation-use enrolment stays, without its person
 *   (erased_at set), so the aggregates it fed keep it, as the learner consented.
 * - certificates survive their enrolment (a certificate the learner chose to keep), and can be revoked.
 */
export class PersonalDataRights1764400000001 implements MigrationInterface {
  name = 'PersonalDataRights1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN legal_name text CHECK (length(legal_name) BETWEEN 1 AND 160)`);
    await q.query(`
      CREATE TABLE profile_changes (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        field text NOT NULL CHECK (field IN ('display_name', 'legal_name', 'position_type', 'institution', 'region', 'locale')),
        old_value text,
        CHECK (old_value IS NULL OR field = 'legal_name')
      )`);
    await q.query(`CREATE INDEX profile_changes_user_idx ON profile_changes (user_id, changed_at)`);
    await q.query(`
      CREATE TABLE deletion_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        certificate_choice text NOT NULL CHECK (certificate_choice IN ('keep', 'revoke')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'cancelled', 'rejected', 'completed')),
        decided_at timestamptz,
        decided_by uuid,
        outcome jsonb,
        CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX deletion_requests_one_pending ON deletion_requests (user_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX deletion_requests_decided_idx ON deletion_requests (decided_at) WHERE status <> 'pending'`);
    await q.query(`COMMENT ON COLUMN deletion_requests.user_id IS 'No foreign key: the request outlives the erased account (ids only)'`);

    await q.query(`ALTER TABLE enrolments ALTER COLUMN user_id DROP NOT NULL, ADD COLUMN erased_at timestamptz`);
    await q.query(`ALTER TABLE enrolments ADD CONSTRAINT enrolments_person_or_erased CHECK (user_id IS NOT NULL OR erased_at IS NOT NULL)`);

    await q.query(`ALTER TABLE certificates ALTER COLUMN enrolment_id DROP NOT NULL`);
    await q.query(`ALTER TABLE certificates DROP CONSTRAINT certificates_enrolment_id_fkey`);
    await q.query(`ALTER TABLE certificates ADD CONSTRAINT certificates_enrolment_id_fkey FOREIGN KEY (enrolment_id) REFERENCES enrolments(id) ON DELETE SET NULL`);
    await q.query(`
      ALTER TABLE certificates
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revoked_reason text CHECK (revoked_reason IN ('holder_request')),
        ADD CONSTRAINT certificates_revoked_reason CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))`);
    // The retention job finds inactive enrolments that never got a consent.
    await q.query(`CREATE INDEX enrolments_unconsented_idx ON enrolments (coalesce(last_activity_at, created_at)) WHERE evaluation_use IS NULL AND consent_withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX enrolments_unconsented_idx`);
    // Rows that only exist under the new rules cannot go back: kept certificates of erased learners, erased enrolments.
    await q.query(`DELETE FROM certificates WHERE enrolment_id IS NULL`);
    await q.query(`ALTER TABLE certificates DROP CONSTRAINT certificates_revoked_reason, DROP COLUMN revoked_reason, DROP COLUMN revoked_at`);
    await q.query(`ALTER TABLE certificates DROP CONSTRAINT certificates_enrolment_id_fkey`);
    await q.query(`ALTER TABLE certificates ADD CONSTRAINT certificates_enrolment_id_fkey FOREIGN KEY (enrolment_id) REFERENCES enrolments(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE certificates ALTER COLUMN enrolment_id SET NOT NULL`);
    await q.query(`DELETE FROM enrolments WHERE user_id IS NULL`);
    await q.query(`ALTER TABLE enrolments DROP CONSTRAINT enrolments_person_or_erased, DROP COLUMN erased_at`);
    await q.query(`ALTER TABLE enrolments ALTER COLUMN user_id SET NOT NULL`);
    await q.query(`DROP TABLE deletion_requests`);
    await q.query(`DROP TABLE profile_changes`);
    await q.query(`ALTER TABLE users DROP COLUMN legal_name`);
  }
}
