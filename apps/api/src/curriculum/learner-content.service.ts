import { Injectable } from '@nestjs/common';
import { DatabasePool } from '../database/database-pool.js';
import {
  type Course, type Locale, localize, toCourseOutline, toLearnerAttitudeInstrument, toLearnerLesson, toLearnerPracticeQuestionnaire, toLearnerScenarioIntro,
  toLearnerScenarioNode,
} from '#curriculum';
import { notFound } from '../common/app-exception.js';
import { CourseCatalog } from './course-catalog.service.js';
import type { CourseOutlineDto, MyEnrolmentDto } from './learner-content.dto.js';

/** Serves a learner the content of the version their enrolment pinned — never answer keys. */
@Injectable()
export class LearnerContentService {
  constructor(
    private readonly db: DatabasePool,
    private readonly catalog: CourseCatalog,
  ) {}

  async myEnrolments(userId: string, locale: Locale): Promise<MyEnrolmentDto[]> {
    const rows: {
      id: string; cohort_name: string; status: 'active' | 'withdrawn'; course_version_id: string | null; version: number | null;
      evaluation_use: boolean | null; consent_version: string | null;
    }[] =
      await this.db.query(
        `SELECT e.id, c.name AS cohort_name, e.status, e.course_version_id, v.version, e.evaluation_use, e.consent_version
           FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id LEFT JOIN course_versions v ON v.id = e.course_version_id
          WHERE e.user_id = $1 ORDER BY e.created_at`,
        [userId],
      );
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        cohortName: r.cohort_name,
        status: r.status,
        courseVersionId: r.course_version_id,
        version: r.version,
        evaluationUse: r.evaluation_use,
        consentVersion: r.consent_version,
        courseTitle: r.course_version_id ? localize((await this.catalog.publishedContent(r.course_version_id)).title, locale) : null,
      })),
    );
  }

  /** The enrolment must be the caller's own; anyone else gets the same 404 as for a missing one. */
  async contentFor(userId: string, enrolmentId: string): Promise<{ course: Course; versionId: string; version: number }> {
    const [row]: { course_version_id: string | null; version: number }[] = await this.db.query(
      `SELECT e.course_version_id, v.version FROM enrolments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.id = $1 AND e.user_id = $2`,
      [enrolmentId, userId],
    );
    if (!row?.course_version_id) throw notFound('Enrolment');
    return { course: await this.catalog.publishedContent(row.course_version_id), versionId: row.course_version_id, version: row.version };
  }

  async outline(userId: string, enrolmentId: string, locale: Locale): Promise<CourseOutlineDto> {
    const { course, versionId, version } = await this.contentFor(userId, enrolmentId);
    return { courseVersionId: versionId, version, ...toCourseOutline(course, locale) };
  }

  async lesson(userId: string, enrolmentId: string, lessonKey: string, locale: Locale) {
    const { course } = await this.contentFor(userId, enrolmentId);
    const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.key === lessonKey);
    if (!lesson) throw notFound('Lesson');
    return toLearnerLesson(lesson, locale);
  }

  async attitudeInstrument(userId: string, enrolmentId: string, locale: Locale) {
    return toLearnerAttitudeInstrument((await this.contentFor(userId, enrolmentId)).course.attitudeInstrument, locale);
  }

  /** The behaviour follow-up, asked with the follow-up; null for course versions without one. */
  async practiceQuestionnaire(userId: string, enrolmentId: string, locale: Locale) {
    const q = (await this.contentFor(userId, enrolmentId)).course.practiceQuestionnaire;
    return { questionnaire: q ? toLearnerPracticeQuestionnaire(q, locale) : null };
  }

  async scenario(userId: string, enrolmentId: string, scenarioKey: string, locale: Locale) {
    const { course } = await this.contentFor(userId, enrolmentId);
    const scenario = course.scenarios.find((s) => s.key === scenarioKey);
    if (!scenario) throw notFound('Scenario');
    return toLearnerScenarioIntro(scenario, locale);
  }

  async scenarioNode(userId: string, enrolmentId: string, scenarioKey: string, nodeKey: string, locale: Locale) {
    const { course } = await this.contentFor(userId, enrolmentId);
    const node = course.scenarios.find((s) => s.key === scenarioKey)?.nodes.find((n) => n.key === nodeKey);
    if (!node) throw notFound('Scenario step');
    return toLearnerScenarioNode(node, locale);
  }
}
