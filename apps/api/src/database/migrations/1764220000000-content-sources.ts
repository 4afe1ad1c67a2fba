import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembers which raw course files (by byte hash) were already imported, so an unchanged start parses nothing. */
export class ContentSources1764220000000 implements MigrationInterface {
  name = 'ContentSources1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content_sources (
        source_hash text PRIMARY KEY,
        course_version_id uuid NOT NULL REFERENCES course_versions(id),
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE content_sources`);
  }
}
