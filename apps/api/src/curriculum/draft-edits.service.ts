import { Injectable } from '@nestjs/common';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import {
  canonicalJson, checkDraftCourse, checkDraftItem, confirmTranslation, type Course, contentHash, findItem, type ItemKind, itemEdits, itemId,
  parseCourse, type Problem, publicationProblems, replaceItem,
} from '#curriculum';
import { AppException, notFound } from '../common/app-exception.js';
import { Clock } from '../common/clock.js';
import type { ValidationReportDto } from './authoring.dto.js';
import type { ChangeNoteDto, ConfirmTranslationDto, ItemRevisionDto, SaveItemDto, SavedItemDto, TextEditDto } from './draft-editor.dto.js';
import { recordEdits, revisions, saveTextTimes, textEditList, textEdits, toTextEditDto } from './draft-meta.js';

export interface LockedVersion {
  course_id: string;
  status: 'draft' | 'published';
  content: Course;
}

export const versionPublished = () => new AppException(409, 'VERSION_PUBLISHED', 'This version is published and cannot change. Create a draft to edit it.');
export const draftInvalid = (problems: Problem[], saved = false) =>
  new AppException(
    400, 'DRAFT_INVALID',
    `The course has ${problems.length} problem(s); ${saved ? 'it cannot be published' : 'nothing was saved'}. ${problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    { problems },
  );

const prefixed = (problems: Problem[], prefix: string): Problem[] => problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }));

/**
 * Every change to a draft goes through here, in one transaction with the draft's row locked: the edited items must be
 * well-formed (draft-check.ts: an untranslated text or an unreachable node may wait, a malformed item may not), each
 * changed item's revision goes up and the languages of its changed texts are stamped (stale translations). Saving an
 * item names the revision the editor started from; another editor's newer save answers 409 DRAFT_ITEM_CONFLICT with
 * their version. Publishing runs every publication rule, including the locator rule and stale translations.
 */
@Injectable()
export class DraftEdits {
  constructor(
    private readonly db: DatabasePool,
    private readonly clock: Clock,
  ) {}

  async lockVersion(m: SqlClient, versionId: string): Promise<LockedVersion> {
    const [row] = await m.query(`SELECT course_id, status, content FROM course_versions WHERE id = $1 FOR UPDATE`, [versionId]);
    if (!row) throw notFound('Course version');
    return row;
  }

  /**
   * Applies `change` to the draft. Only the items that changed are checked (all of the course for a whole replacement:
   * `whole`). Returns the stored course.
   */
  async edit(m: SqlClient, versionId: string, actorId: string | null, change: (course: Course) => unknown, whole = false): Promise<Course> {
    const row = await this.lockVersion(m, versionId);
    if (row.status === 'published') throw versionPublished();
    let after: Course;
    if (whole) {
      const checked = checkDraftCourse(change(structuredClone(row.content)));
      if (!checked.ok) throw draftInvalid(checked.problems);
      after = checked.value;
    } else {
      after = change(structuredClone(row.content)) as Course;
    }
    const edits = itemEdits(row.content, after);
    if (!whole) {
      for (const edit of edits) {
        const checked = checkDraftItem(edit.kind, findItem(after, edit.kind, edit.key)!.value);
        if (!checked.ok) throw draftInvalid(prefixed(checked.problems, edit.id));
      }
    }
    if (edits.length === 0 && canonicalJson(after) === canonicalJson(row.content)) return row.content;
    await m.query(`UPDATE course_versions SET content = $2, content_hash = $3, updated_at = now() WHERE id = $1`, [versionId, JSON.stringify(after), contentHash(after)]);
    await recordEdits(m, versionId, edits, actorId, this.clock.now());
    return after;
  }

  async saveItem(versionId: string, kind: ItemKind, key: string, dto: SaveItemDto, actorId: string): Promise<SavedItemDto> {
    const id = itemId(kind, key);
    if (dto.value.key !== key) throw new AppException(400, 'VALIDATION_FAILED', `value.key: an item keeps its key ("${key}"); keys never change once published.`);
    const checked = checkDraftItem(kind, dto.value);
    if (!checked.ok) throw draftInvalid(prefixed(checked.problems, 'value'));
    return this.db.transaction(async (m) => {
      const row = await this.lockVersion(m, versionId);
      if (row.status === 'published') throw versionPublished();
      const current = findItem(row.content, kind, key);
      if (!current) throw notFound('Item');
      const [latest] = await revisions(m, versionId, id);
      if ((latest?.revision ?? 0) !== dto.baseRevision) {
        throw new AppException(409, 'DRAFT_ITEM_CONFLICT', `${latest?.updatedBy ?? 'Another editor'} saved this item since you opened it (revision ${latest?.revision ?? 0}, yours ${dto.baseRevision}). Review their version before saving yours.`, {
          itemId: id, revision: latest?.revision ?? 0, updatedAt: latest?.updatedAt ?? null, updatedBy: latest?.updatedBy ?? null, value: current.value,
        });
      }
      const course = await this.edit(m, versionId, actorId, (draft) => {
        replaceItem(draft, kind, key, checked.value);
        return draft;
      });
      return this.savedItem(m, versionId, course, kind, key);
    });
  }

  async confirmTranslation(versionId: string, kind: ItemKind, key: string, dto: ConfirmTranslationDto): Promise<TextEditDto> {
    const id = itemId(kind, key);
    return this.db.transaction(async (m) => {
      const row = await this.lockVersion(m, versionId);
      if (row.status === 'published') throw versionPublished();
      if (!findItem(row.content, kind, key)) throw notFound('Item');
      const times = confirmTranslation((await textEdits(m, versionId, [id]))[id]?.[dto.textId], dto.locale, this.clock.now());
      await saveTextTimes(m, versionId, { [id]: { [dto.textId]: times } });
      return toTextEditDto(id, dto.textId, times);
    });
  }

  validate(versionId: string): Promise<ValidationReportDto> {
    return this.db.transaction(async (m) => {
      const row = await this.lockVersion(m, versionId);
      const problems = publicationProblems(row.content, await textEdits(m, versionId));
      return { valid: problems.length === 0, problems };
    });
  }

  /** Publishes the draft as the next version, with its change note, if no publication rule objects. */
  /** `recorded` runs inside the publication's transaction (the audit entry commits with it). */
  async publish(versionId: string, changeNote: ChangeNoteDto, recorded?: (m: SqlClient, version: number) => Promise<unknown>): Promise<void> {
    await this.db.transaction(async (m) => {
      const row = await this.lockVersion(m, versionId);
      if (row.status === 'published') throw versionPublished();
      const problems = publicationProblems(row.content, await textEdits(m, versionId));
      if (problems.length > 0) throw draftInvalid(problems, true);
      const result = parseCourse({ ...row.content, changeNote: { es: changeNote.es.trim(), en: changeNote.en.trim() } });
      if (!result.ok) throw draftInvalid(result.problems, true);
      await m.query(`SELECT 1 FROM courses WHERE id = $1 FOR UPDATE`, [row.course_id]);
      const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM course_versions WHERE course_id = $1`, [row.course_id]);
      await m.query(
        `UPDATE course_versions SET status = 'published', version = $2, published_at = now(), updated_at = now(), content = $3, content_hash = $4 WHERE id = $1`,
        [versionId, next, JSON.stringify(result.course), contentHash(result.course)],
      );
      await recorded?.(m, next);
    });
  }

  async editorState(versionId: string): Promise<{ revisions: ItemRevisionDto[]; textEdits: TextEditDto[] }> {
    return this.db.transaction(async (m) => ({ revisions: await revisions(m, versionId), textEdits: textEditList(await textEdits(m, versionId)) }));
  }

  private async savedItem(m: SqlClient, versionId: string, course: Course, kind: ItemKind, key: string): Promise<SavedItemDto> {
    const id = itemId(kind, key);
    const [latest] = await revisions(m, versionId, id);
    return {
      itemId: id, revision: latest?.revision ?? 0, updatedAt: latest?.updatedAt ?? new Date(this.clock.now()).toISOString(), updatedBy: latest?.updatedBy ?? null,
      value: findItem(course, kind, key)!.value as unknown as Record<string, unknown>,
      textEdits: textEditList(await textEdits(m, versionId, [id])),
    };
  }
}
