import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Editing drafts in the browser. Each item of a draft (lesson, question, scenario… by its stable key) has a revision,
 * so an editor's autosave that started from an older revision is refused (409) instead of silently overwriting a
 * colleague's change. Each Spanish/English text has the time each language was last edited and the time the two last
 * agreed, so a translation left behind by an edit in the other language is flagged as stale (and blocks publishing).
 * Both belong to one version and go with it when a draft is discarded.
 */
export class DraftEditing1764430000000 implements MigrationInterface {
  name = 'DraftEditing1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_item_revisions (
        version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
        item_id text NOT NULL,
        revision int NOT NULL CHECK (revision > 0),
        updated_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        PRIMARY KEY (version_id, item_id)
      )`);
    await q.query(`
      CREATE TABLE course_text_edits (
        version_id uuid NOT NULL REFERENCES course_versions(id) ON DELETE CASCADE,
        item_id text NOT NULL,
        text_id text NOT NULL,
        es_at timestamptz,
        en_at timestamptz,
        synced_at timestamptz,
        PRIMARY KEY (version_id, item_id, text_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_text_edits`);
    await q.query(`DROP TABLE course_item_revisions`);
  }
}
