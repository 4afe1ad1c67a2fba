import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import type { Course } from '#curriculum';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppException, notFound } from '../common/app-exception.js';
import type { Locale } from '../users/user.entity.js';
import type { CourseSummaryDto, CourseVersionDto, CourseVersionSummaryDto, UpdateItemDto, UpdateLessonDto, UpdateQuestionDto, ValidationReportDto } from './authoring.dto.js';
import { DraftEdits, versionPublished } from './draft-edits.service.js';
import type { ChangeNoteDto, DraftEditorDto } from './draft-editor.dto.js';

interface VersionRow {
  id: string;
  change_note: { es: string; en: string } | null;
  course_id: string;
  course_key: string;
  status: 'draft' | 'published';
  version: number | null;
  content_hash: string;
  source: 'import' | 'authoring';
  based_on_id: string | null;
  created_at: Date;
  published_at: Date | null;
  content?: Course;
}

const SELECT_VERSION = `SELECT v.id, v.course_id, c.key AS course_key, v.status, v.version, v.content_hash, v.source, v.based_on_id,
  v.created_at, v.published_at, v.content->'changeNote' AS change_note`;

/**
 * Authoring works on a draft copied from the latest published version. Every edit must leave the edited items
 * well-formed (DraftEdits); a draft may be unfinished, and publishing — which gives it the next version number — refuses
 * it until every publication rule holds. Published versions are never edited (409), so enrolments and attempts that
 * pinned one keep their content.
 */
@Injectable()
export class AuthoringService {
  constructor(
    private readonly db: DatabasePool,
    private readonly drafts: DraftEdits,
    private readonly audit: AuditLog,
  ) {}

  async listCourses(locale: Locale): Promise<CourseSummaryDto[]> {
    const courses: { id: string; key: string }[] = await this.db.query(`SELECT id, key FROM courses ORDER BY key`);
    return Promise.all(
      courses.map(async (c) => {
        const [published] = await this.versions(`v.course_id = $1 AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`, [c.id], true);
        const [draft] = await this.versions(`v.course_id = $1 AND v.status = 'draft'`, [c.id]);
        return {
          id: c.id,
          key: c.key,
          title: published?.content?.title[locale] ?? c.key,
          latestPublished: published ? toSummary(published) : null,
          draft: draft ? toSummary(draft) : null,
        };
      }),
    );
  }

  async history(courseId: string): Promise<CourseVersionSummaryDto[]> {
    await this.requireCourse(courseId);
    return (await this.versions(`v.course_id = $1 ORDER BY v.version DESC NULLS FIRST`, [courseId])).map(toSummary);
  }

  async getVersion(versionId: string): Promise<CourseVersionDto> {
    const [row] = await this.versions(`v.id = $1`, [versionId], true);
    if (!row) throw notFound('Course version');
    return { ...toSummary(row), content: row.content as unknown as Record<string, unknown> };
  }

  /** Idempotent: returns the open draft when there is one. */
  async createDraft(courseId: string, actorId: string): Promise<CourseVersionDto> {
    await this.requireCourse(courseId);
    const id = await this.db.transaction(async (m) => {
      await m.query(`SELECT 1 FROM courses WHERE id = $1 FOR UPDATE`, [courseId]);
      const [existing] = await m.query(`SELECT id FROM course_versions WHERE course_id = $1 AND status = 'draft'`, [courseId]);
      if (existing) return existing.id as string;
      const [latest] = await m.query(
        `SELECT id, content, content_hash FROM course_versions WHERE course_id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
        [courseId],
      );
      if (!latest) throw new AppException(409, 'CONFLICT', 'This course has no published version to start a draft from.');
      const [row] = await m.query(
        `INSERT INTO course_versions (course_id, status, content, content_hash, based_on_id, source, created_by)
         VALUES ($1, 'draft', $2, $3, $4, 'authoring', $5) RETURNING id`,
        [courseId, JSON.stringify(latest.content), latest.content_hash, latest.id, actorId],
      );
      return row.id as string;
    });
    return this.getVersion(id);
  }

  validate(versionId: string): Promise<ValidationReportDto> {
    return this.drafts.validate(versionId);
  }

  replaceContent(versionId: string, content: unknown, actorId: string): Promise<CourseVersionDto> {
    return this.editDraft(versionId, actorId, () => content, true);
  }

  /** The draft with what the browser editor needs: item revisions and translation edit times. */
  async editor(versionId: string): Promise<DraftEditorDto> {
    const version = await this.getVersion(versionId);
    return { version, ...(await this.drafts.editorState(versionId)) };
  }

  updateLesson(versionId: string, lessonKey: string, dto: UpdateLessonDto, actorId: string): Promise<CourseVersionDto> {
    return this.editDraft(versionId, actorId, (course) => {
      const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.key === lessonKey);
      if (!lesson) throw notFound('Lesson');
      if (dto.title) lesson.title = { es: dto.title.es, en: dto.title.en };
      if (dto.body) lesson.body = { es: dto.body.es, en: dto.body.en };
      return course;
    });
  }

  updateQuestion(versionId: string, questionKey: string, dto: UpdateQuestionDto, actorId: string): Promise<CourseVersionDto> {
    return this.editDraft(versionId, actorId, (course) => {
      const questions = [...course.modules.flatMap((m) => m.quiz.questions), ...course.knowledgeTest.items];
      const question = questions.find((q) => q.key === questionKey);
      if (!question) throw notFound('Question');
      if (dto.prompt) question.prompt = { es: dto.prompt.es, en: dto.prompt.en };
      for (const edit of dto.options ?? []) {
        const option = question.options.find((o) => o.key === edit.key);
        if (!option) throw new AppException(400, 'VALIDATION_FAILED', `options: question ${questionKey} has no option "${edit.key}".`);
        if (edit.text) option.text = { es: edit.text.es, en: edit.text.en };
        if (edit.feedback) option.feedback = { es: edit.feedback.es, en: edit.feedback.en };
      }
      return course;
    });
  }

  updateAttitudeItem(versionId: string, itemKey: string, dto: UpdateItemDto, actorId: string): Promise<CourseVersionDto> {
    return this.editDraft(versionId, actorId, (course) => {
      const item = course.attitudeInstrument.items.find((i) => i.key === itemKey);
      if (!item) throw notFound('Attitude item');
      item.text = { es: dto.text.es, en: dto.text.en };
      return course;
    });
  }

  async publish(actor: AuthUser, versionId: string, changeNote: ChangeNoteDto): Promise<CourseVersionDto> {
    // Recorded in the publication's transaction: content reaches every cohort.
    await this.drafts.publish(versionId, changeNote, (m, version) =>
      this.audit.record({ actor, action: 'content.publish', targetId: versionId, details: { source: 'authoring', version } }, m));
    return this.getVersion(versionId);
  }

  async discardDraft(actor: AuthUser, versionId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const row = await this.drafts.lockVersion(m, versionId);
      if (row.status === 'published') throw versionPublished();
      await m.query(`DELETE FROM course_versions WHERE id = $1`, [versionId]);
      await this.audit.record({ actor, action: 'content.draft.discard', targetId: versionId }, m);
    });
  }

  /** Applies one edit to the draft (see DraftEdits.edit). */
  private async editDraft(versionId: string, actorId: string, edit: (course: Course) => unknown, whole = false): Promise<CourseVersionDto> {
    await this.db.transaction((m) => this.drafts.edit(m, versionId, actorId, edit, whole));
    return this.getVersion(versionId);
  }

  private async requireCourse(courseId: string): Promise<void> {
    const [course] = await this.db.query(`SELECT 1 FROM courses WHERE id = $1`, [courseId]);
    if (!course) throw notFound('Course');
  }

  private versions(where: string, params: unknown[], withContent = false): Promise<VersionRow[]> {
    return this.db.query(`${SELECT_VERSION}${withContent ? ', v.content' : ''} FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE ${where}`, params);
  }
}

function toSummary(r: VersionRow): CourseVersionSummaryDto {
  return {
    id: r.id, courseId: r.course_id, courseKey: r.course_key, status: r.status, version: r.version, contentHash: r.content_hash,
    source: r.source, basedOnId: r.based_on_id, createdAt: r.created_at.toISOString(), publishedAt: r.published_at?.toISOString() ?? null,
    changeNote: r.change_note ?? null,
  };
}
