// The draft's edit metadata in SQL: item revisions (optimistic concurrency) and per-language text edit times (stale
// translations). Always called inside the transaction that holds the draft's row lock.
import type { SqlClient } from '../database/database-pool.js';
import { type ItemEdit, recordTextEdit, type TextEditIndex, type TextEditTimes } from '#curriculum';
import type { ItemRevisionDto, TextEditDto } from './draft-editor.dto.js';

interface RevisionRow { item_id: string; revision: number; updated_at: Date; display_name: string | null }
interface TextEditRow { item_id: string; text_id: string; es_at: Date | null; en_at: Date | null; synced_at: Date | null }

const toRevision = (r: RevisionRow): ItemRevisionDto => ({ itemId: r.item_id, revision: r.revision, updatedAt: r.updated_at.toISOString(), updatedBy: r.display_name });

const toTimes = (r: TextEditRow): TextEditTimes => ({
  ...(r.es_at ? { es: r.es_at.getTime() } : {}), ...(r.en_at ? { en: r.en_at.getTime() } : {}), ...(r.synced_at ? { synced: r.synced_at.getTime() } : {}),
});

export const toTextEditDto = (itemId: string, textId: string, times: TextEditTimes): TextEditDto => ({ itemId, textId, ...times });

export async function revisions(m: SqlClient, versionId: string, itemId?: string): Promise<ItemRevisionDto[]> {
  const rows: RevisionRow[] = await m.query(
    `SELECT r.item_id, r.revision, r.updated_at, u.display_name FROM course_item_revisions r LEFT JOIN users u ON u.id = r.updated_by
      WHERE r.version_id = $1 AND ($2::text IS NULL OR r.item_id = $2) ORDER BY r.item_id`,
    [versionId, itemId ?? null],
  );
  return rows.map(toRevision);
}

export async function textEdits(m: SqlClient, versionId: string, itemIds?: string[]): Promise<TextEditIndex> {
  const rows: TextEditRow[] = await m.query(
    `SELECT item_id, text_id, es_at, en_at, synced_at FROM course_text_edits WHERE version_id = $1 AND ($2::text[] IS NULL OR item_id = ANY($2))`,
    [versionId, itemIds ?? null],
  );
  const index: TextEditIndex = {};
  for (const row of rows) (index[row.item_id] ??= {})[row.text_id] = toTimes(row);
  return index;
}

export const textEditList = (index: TextEditIndex): TextEditDto[] =>
  Object.entries(index).flatMap(([itemId, texts]) => Object.entries(texts).map(([textId, times]) => toTextEditDto(itemId, textId, times)));

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** Writes the edit times of texts (whole rows: each text's three times). */
export async function saveTextTimes(m: SqlClient, versionId: string, index: TextEditIndex): Promise<void> {
  const rows = textEditList(index).map((t) => ({ item_id: t.itemId, text_id: t.textId, es_at: iso(t.es), en_at: iso(t.en), synced_at: iso(t.synced) }));
  if (rows.length === 0) return;
  await m.query(
    `INSERT INTO course_text_edits (version_id, item_id, text_id, es_at, en_at, synced_at)
     SELECT $1, r.item_id, r.text_id, r.es_at, r.en_at, r.synced_at
       FROM jsonb_to_recordset($2::jsonb) AS r(item_id text, text_id text, es_at timestamptz, en_at timestamptz, synced_at timestamptz)
     ON CONFLICT (version_id, item_id, text_id) DO UPDATE SET es_at = EXCLUDED.es_at, en_at = EXCLUDED.en_at, synced_at = EXCLUDED.synced_at`,
    [versionId, JSON.stringify(rows)],
  );
}

/** Bumps the revision of every edited item and stamps the languages of the texts that changed. */
export async function recordEdits(m: SqlClient, versionId: string, edits: ItemEdit[], actorId: string | null, at: number): Promise<void> {
  if (edits.length === 0) return;
  await m.query(
    `INSERT INTO course_item_revisions (version_id, item_id, revision, updated_at, updated_by)
     SELECT $1, id, 1, $2, $3 FROM unnest($4::text[]) AS id
     ON CONFLICT (version_id, item_id) DO UPDATE
       SET revision = course_item_revisions.revision + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [versionId, new Date(at).toISOString(), actorId, edits.map((e) => e.id)],
  );
  const touched = edits.filter((e) => e.texts.length > 0);
  if (touched.length === 0) return;
  const previous = await textEdits(m, versionId, touched.map((e) => e.id));
  const next: TextEditIndex = {};
  for (const edit of touched) {
    const byText = new Map<string, ('es' | 'en')[]>();
    for (const change of edit.texts) byText.set(change.textId, [...(byText.get(change.textId) ?? []), change.locale]);
    for (const [textId, locales] of byText) (next[edit.id] ??= {})[textId] = recordTextEdit(previous[edit.id]?.[textId], locales, at);
  }
  await saveTextTimes(m, versionId, next);
}
