import { Inject, Injectable } from '@nestjs/common';
import { strToU8, zipSync } from 'fflate';
import { type Locale, localize } from '#curriculum';
import { MIN_GROUP_N } from '#evaluation';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppException, notFound } from '../common/app-exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { toCsv } from '../reports/exports/export-csv.js';
import { CourseCatalog } from '../curriculum/course-catalog.service.js';
import { DatabasePool, type SqlClient } from '../database/database-pool.js';
import { loadPracticeAnswers } from '../reports/practice-report.js';
import type { CreateStudyDto, StudyCohortOptionDto, StudyDto, StudyReportDto } from './studies.dto.js';
import { type Arm, newSeed, randomArms } from './study-assignment.js';
import { armReport, measureDefs, methodNote, studyMeasure } from './study-report.js';
import { loadStudyLearners } from './study-scores.js';
import { STUDY_FILE, STUDY_REPRODUCE_R, studyPseudonymizer, studyReadme, studyTable } from './study-export.js';

const STUDY_COLUMNS = `s.id, s.name, s.design, s.course_id, co.key AS course_key, s.assignment, s.seed, u.display_name AS created_by_name,
  s.created_at, to_char(s.baseline_on, 'YYYY-MM-DD') AS baseline_on, to_char(s.treated_post_on, 'YYYY-MM-DD') AS treated_post_on,
  s.second_baseline_at, to_char(s.follow_up_on, 'YYYY-MM-DD') AS follow_up_on, s.created_by,
  coalesce((SELECT json_agg(json_build_object('cohortId', sa.cohort_id, 'cohortName', c.name, 'arm', sa.arm, 'assignedBy', sa.assigned_by, 'draw', sa.draw)
                            ORDER BY sa.arm, c.name)
              FROM study_arms sa JOIN cohorts c ON c.id = sa.cohort_id WHERE sa.study_id = s.id), '[]') AS arms`;
/** A cohort without a pinned version enrols learners on the newest published one (as registration does). */
const LATEST_VERSION = `SELECT id FROM course_versions WHERE status = 'published' ORDER BY published_at DESC, version DESC LIMIT 1`;
const STUDY_FROM = `studies s JOIN courses co ON co.id = s.course_id LEFT JOIN users u ON u.id = s.created_by`;

/**
 * Studies: a controlled comparison of cohorts of one course (treated now vs waitlist). Rules and access live here:
 * an evaluator reaches the studies they created, an admin all (anyone else: 404); a cohort is in at most one study;
 * a random assignment stores its seed and each cohort's draw so anyone can re-derive it; creation is audited.
 */
@Injectable()
export class StudiesService {
  constructor(
    private readonly reads: DatabasePool,
    private readonly catalog: CourseCatalog,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Cohorts an evaluator may put in a study: every cohort with a course, with the study it is already in. */
  async cohortOptions(): Promise<StudyCohortOptionDto[]> {
    return this.reads.rows<StudyCohortOptionDto>(
      `SELECT c.id, c.name, c.region, v.course_id AS "courseId", co.key AS "courseKey",
              (SELECT count(*)::int FROM enrolments e WHERE e.cohort_id = c.id) AS learners, sa.study_id AS "studyId"
         FROM cohorts c LEFT JOIN course_versions v ON v.id = coalesce(c.course_version_id, (${LATEST_VERSION})) LEFT JOIN courses co ON co.id = v.course_id
         LEFT JOIN study_arms sa ON sa.cohort_id = c.id
        ORDER BY c.name LIMIT 1000`,
      [],
    );
  }

  async list(actor: AuthUser): Promise<StudyDto[]> {
    const rows = await this.reads.rows<StudyRow>(
      `SELECT ${STUDY_COLUMNS} FROM ${STUDY_FROM} WHERE $1 OR s.created_by = $2 ORDER BY s.created_at DESC LIMIT 500`,
      [actor.role === 'admin', actor.id],
    );
    return rows.map((r) => this.toDto(r));
  }

  async get(actor: AuthUser, studyId: string): Promise<StudyDto> {
    return this.toDto(await this.own(actor, studyId));
  }

  async create(actor: AuthUser, dto: CreateStudyDto): Promise<StudyDto> {
    const ids = dto.cohorts.map((c) => c.cohortId.toLowerCase());
    if (new Set(ids).size !== ids.length) throw invalid('cohorts: each cohort may appear once.');
    if (dto.treatedPostOn < dto.baselineOn) throw invalid('treatedPostOn: the post-test comes after the baseline.');
    if (dto.secondBaselineOn < dto.baselineOn) throw invalid('secondBaselineOn: the second baseline comes after the first.');
    if (dto.followUpOn && dto.followUpOn < dto.treatedPostOn) throw invalid('followUpOn: the follow-up comes after the post-test.');
    // Learners join the waitlist only while its second baseline is ahead (the journey machine's rule).
    if (dto.secondBaselineOn <= peruToday(this.clock.now())) throw invalid('secondBaselineOn: the second baseline must be a future day.');
    if (dto.assignment === 'hand' && dto.seed) throw invalid('seed: only a random assignment has a seed.');
    const seed = dto.assignment === 'random' ? (dto.seed ?? newSeed()) : null;
    const arms: { cohortId: string; arm: Arm; draw: string | null }[] = seed
      ? randomArms(seed, ids)
      : dto.cohorts.map((c) => {
        if (!c.arm) throw invalid('cohorts: give each cohort its arm (treated or waitlist) when assigning by hand.');
        return { cohortId: c.cohortId.toLowerCase(), arm: c.arm, draw: null };
      });
    if (!arms.some((a) => a.arm === 'treated') || !arms.some((a) => a.arm === 'waitlist')) {
      throw invalid('cohorts: a study needs at least one treated and one waitlist cohort.');
    }
    const studyId = await this.reads.transaction(async (m) => {
      const cohorts = await m.query(
        `SELECT c.id, v.course_id FROM cohorts c LEFT JOIN course_versions v ON v.id = coalesce(c.course_version_id, (${LATEST_VERSION}))
          WHERE c.id = ANY($1::uuid[]) FOR UPDATE OF c`,
        [ids],
      );
      if (cohorts.length !== ids.length) throw notFound('Cohort');
      const courses = new Set(cohorts.map((c: { course_id: string | null }) => c.course_id));
      if (courses.has(null) || courses.size !== 1) throw invalid('cohorts: every cohort of a study follows the same course.');
      const taken = await m.query(`SELECT cohort_id FROM study_arms WHERE cohort_id = ANY($1::uuid[])`, [ids]);
      if (taken.length) throw new AppException(409, 'CONFLICT', 'cohorts: a cohort can be in one study only; one of these already is.', { cohortIds: taken.map((t: { cohort_id: string }) => t.cohort_id) });
      // The second baseline opens at the start of its day in Peru (the reminders' calendar too).
      const [study] = await m.query(
        `INSERT INTO studies (course_id, name, assignment, seed, created_by, baseline_on, treated_post_on, second_baseline_at, follow_up_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ($8::date)::timestamp AT TIME ZONE 'America/Lima', $9) RETURNING id`,
        [[...courses][0], dto.name, dto.assignment, seed, actor.id, dto.baselineOn, dto.treatedPostOn, dto.secondBaselineOn, dto.followUpOn ?? null],
      );
      await m.query(
        `INSERT INTO study_arms (study_id, cohort_id, arm, assigned_by, draw) SELECT $1, c, a, $4, d FROM unnest($2::uuid[], $3::text[], $5::text[]) AS x(c, a, d)`,
        [study.id, arms.map((a) => a.cohortId), arms.map((a) => a.arm), dto.assignment, arms.map((a) => a.draw)],
      );
      await this.audit.record({
        actor, action: 'study.create', targetId: study.id, cohortIds: ids,
        details: { assignment: dto.assignment, seed, treated: arms.filter((a) => a.arm === 'treated').map((a) => a.cohortId), waitlist: arms.filter((a) => a.arm === 'waitlist').map((a) => a.cohortId) },
      }, m);
      return study.id as string;
    });
    return this.get(actor, studyId);
  }

  /** Brings the waitlist's second baseline forward to now (never later); learners see it on their next request. */
  async openSecondBaseline(actor: AuthUser, studyId: string): Promise<StudyDto> {
    await this.own(actor, studyId);
    await this.reads.transaction(async (m) => {
      const [changed] = await m.query(
        `UPDATE studies SET second_baseline_at = $2 WHERE id = $1 AND second_baseline_at > $2 RETURNING id`,
        [studyId, new Date(this.clock.now())],
      );
      if (changed) await this.audit.record({ actor, action: 'study.second_baseline.open', targetId: studyId }, m);
    });
    return this.get(actor, studyId);
  }

  async report(actor: AuthUser, studyId: string, locale: Locale): Promise<StudyReportDto> {
    const study = this.toDto(await this.own(actor, studyId));
    const cohortIds = study.arms.map((a) => a.cohortId);
    await this.audit.record({ actor, action: 'study.report.read', targetId: studyId, cohortIds });
    const course = await this.courseOf(study.courseId, cohortIds);
    const [learners, practice] = await Promise.all([
      loadStudyLearners(this.reads, study.arms, (id) => this.catalog.publishedContent(id)),
      loadPracticeAnswers(this.reads, cohortIds),
    ]);
    const armOfCohort = new Map(study.arms.map((a) => [a.cohortId, a.arm]));
    const arms = (['treated', 'waitlist'] as const).map((arm) => armReport(
      arm,
      study.arms.filter((a) => a.arm === arm).map((a) => a.cohortName),
      learners,
      learners.filter((l) => armOfCohort.get(l.cohortId) === arm && practice.has(l.enrolmentId)).map((l) => practice.get(l.enrolmentId)!),
      course,
      locale,
    ));
    return {
      study, courseTitle: localize(course.title, locale), generatedAt: new Date().toISOString(), minGroupN: MIN_GROUP_N,
      method: methodNote(locale), arms,
      measures: measureDefs(course, locale).map((def) => studyMeasure(def, learners, locale)),
    };
  }

  /** The analysis file (one row per learner and wave, study-keyed pseudonyms), README and reproduce.R, zipped. */
  async exportBundle(actor: AuthUser, studyId: string): Promise<{ zip: Uint8Array; fileName: string }> {
    const study = this.toDto(await this.own(actor, studyId));
    const cohortIds = study.arms.map((a) => a.cohortId);
    await this.audit.record({ actor, action: 'study.export.download', targetId: studyId, cohortIds });
    const course = await this.courseOf(study.courseId, cohortIds);
    const learners = await loadStudyLearners(this.reads, study.arms, (id) => this.catalog.publishedContent(id));
    const { table, attitudesIncluded } = studyTable(course, learners, studyPseudonymizer(this.config.pseudonymSecret, studyId));
    const now = new Date(this.clock.now());
    const files = {
      'README.md': strToU8(studyReadme(study.name, study.seed, now.toISOString(), attitudesIncluded)),
      [STUDY_FILE]: strToU8(toCsv(table)),
      'reproduce.R': strToU8(STUDY_REPRODUCE_R),
    };
    return { zip: zipSync(files, { level: 6, mtime: now }), fileName: `respeta-study-${now.toISOString().slice(0, 10)}.zip` };
  }

  /** The newest version any of the study's learners is on (as the cohort report), else the course's newest published. */
  async courseOf(courseId: string, cohortIds: string[]) {
    const [row] = await this.reads.rows<{ id: string }>(
      `SELECT v.id FROM course_versions v
        WHERE v.course_id = $1 AND v.status = 'published'
          AND (v.id IN (SELECT e.course_version_id FROM enrolments e WHERE e.cohort_id = ANY($2::uuid[])) OR NOT EXISTS (
               SELECT 1 FROM enrolments e WHERE e.cohort_id = ANY($2::uuid[]) AND e.course_version_id IS NOT NULL))
        ORDER BY v.version DESC LIMIT 1`,
      [courseId, cohortIds],
    );
    if (!row) throw new AppException(404, 'CONTENT_UNAVAILABLE', 'No course content is available yet.');
    return this.catalog.publishedContent(row.id);
  }

  /** The one ownership rule: the evaluator who created the study, or an admin; anyone else gets 404. */
  async own(actor: AuthUser, studyId: string, m?: SqlClient): Promise<StudyRow> {
    const sql = `SELECT ${STUDY_COLUMNS} FROM ${STUDY_FROM} WHERE s.id = $1`;
    const [row] = m ? await m.query(sql, [studyId]) : await this.reads.rows<StudyRow>(sql, [studyId]);
    if (!row || (actor.role !== 'admin' && row.created_by !== actor.id)) throw notFound('Study');
    return row;
  }

  toDto(r: StudyRow): StudyDto {
    return {
      id: r.id, name: r.name, design: r.design, courseId: r.course_id, courseKey: r.course_key, assignment: r.assignment, seed: r.seed,
      createdByName: r.created_by_name, createdAt: new Date(r.created_at).toISOString(), baselineOn: r.baseline_on, treatedPostOn: r.treated_post_on,
      secondBaselineAt: new Date(r.second_baseline_at).toISOString(), followUpOn: r.follow_up_on,
      secondBaselineOpen: new Date(r.second_baseline_at).getTime() <= this.clock.now(), arms: r.arms,
    };
  }
}

interface StudyRow {
  id: string;
  name: string;
  design: 'waitlist';
  course_id: string;
  course_key: string;
  assignment: 'hand' | 'random';
  seed: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  baseline_on: string;
  treated_post_on: string;
  second_baseline_at: Date;
  follow_up_on: string | null;
  arms: StudyDto['arms'];
}

/** Peru has one time zone, UTC−5 all year. */
const peruToday = (now: number) => new Date(now - 5 * 3600_000).toISOString().slice(0, 10);
const invalid = (message: string) => new AppException(400, 'VALIDATION_FAILED', message);
