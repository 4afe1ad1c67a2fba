import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Courses and their versions. A published version is immutable (enforced by a trigger, not only by the service), so
 * an enrolment or an attempt that pins a version can never see its content change.
 */
export class CourseVersions1764190000000 implements MigrationInterface {
  name = 'CourseVersions1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE course_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        version int,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        based_on_id uuid REFERENCES course_versions(id),
        source text NOT NULL CHECK (source IN ('import', 'authoring')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CHECK ((status = 'published') = (version IS NOT NULL AND published_at IS NOT NULL)),
        UNIQUE (course_id, version)
      )`);
    // One open draft per course: authors edit the same draft instead of forking silently.
    await q.query(`CREATE UNIQUE INDEX course_versions_one_draft ON course_versions (course_id) WHERE status = 'draft'`);
    await q.query(`
      CREATE FUNCTION course_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'published course version % is immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER course_versions_immutable BEFORE UPDATE OR DELETE ON course_versions
      FOR EACH ROW EXECUTE FUNCTION course_versions_immutable()`);
    await q.query(`ALTER TABLE cohorts ADD COLUMN course_version_id uuid REFERENCES course_versions(id)`);
    await q.query(`ALTER TABLE enrolments ADD COLUMN course_version_id uuid REFERENCES course_versions(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolments DROP COLUMN course_version_id`);
    await q.query(`ALTER TABLE cohorts DROP COLUMN course_version_id`);
    await q.query(`DROP TABLE course_versions`);
    await q.query(`DROP FUNCTION course_versions_immutable()`);
    await q.query(`DROP TABLE courses`);
  }
}
