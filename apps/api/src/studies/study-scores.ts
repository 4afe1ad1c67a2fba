import type { Course } from '#curriculum';
import { subscaleScoreAt } from '#evaluation';
import type { DatabasePool } from '../database/database-pool.js';
import { COHORT } from '../reports/report-queries.js';
import type { Arm } from './study-assignment.js';

export type StudyWave = 'baseline' | 'pre' | 'post';
/** Per arm, which stored waves are "before" and "after": the treated arm's course, the waitlist's wait. */
export const ARM_WAVES: Record<Arm, { before: StudyWave; after: StudyWave }> = {
  treated: { before: 'pre', after: 'post' },
  waitlist: { before: 'baseline', after: 'pre' },
};

/** One learner in the statistics: arm and, per measure key ('knowledge' or a subscale), a score per wave. */
export interface StudyLearner {
  enrolmentId: string;
  cohortId: string;
  arm: Arm;
  scores: Record<string, Partial<Record<StudyWave, number>>>;
}

interface AttemptRow {
  enrolment_id: string;
  cohort_id: string;
  kind: 'knowledge' | 'attitude';
  wave: StudyWave | null;
  score: number | null;
  answer_vector: (number | null)[] | null;
  course_version_id: string;
}

const UNANSWERED = -1;

/**
 * The study's learners in the statistics — the cohort report's rule (COHORT: evaluation use, consent not withdrawn),
 * so course-only and withdrawn learners never enter — with their scores at the three waves a study reads. Knowledge is
 * the percent graded at submission (an empty test is missing, not 0 %); subscales follow libs/evaluation's scoring on
 * each attempt's own course version.
 */
export async function loadStudyLearners(
  reads: DatabasePool, arms: { cohortId: string; arm: Arm }[], contentOf: (versionId: string) => Promise<Course>,
): Promise<StudyLearner[]> {
  const cohortIds = arms.map((a) => a.cohortId);
  const armOf = new Map(arms.map((a) => [a.cohortId, a.arm]));
  const rows = await reads.rows<AttemptRow>(
    `WITH ${COHORT}
     SELECT e.id AS enrolment_id, e.cohort_id, a.kind, a.wave, a.score, a.answer_vector, a.course_version_id
       FROM cohort c JOIN enrolments e ON e.id = c.id
       LEFT JOIN attempts a ON a.enrolment_id = e.id AND a.kind IN ('knowledge', 'attitude') AND a.wave IN ('baseline', 'pre', 'post')
      ORDER BY e.id`,
    [cohortIds],
  );
  const versions = new Map<string, Course>();
  for (const id of new Set(rows.flatMap((r) => (r.kind ? [r.course_version_id] : [])))) versions.set(id, await contentOf(id));
  const learners = new Map<string, StudyLearner>();
  for (const row of rows) {
    let learner = learners.get(row.enrolment_id);
    if (!learner) {
      learner = { enrolmentId: row.enrolment_id, cohortId: row.cohort_id, arm: armOf.get(row.cohort_id)!, scores: {} };
      learners.set(row.enrolment_id, learner);
    }
    if (!row.kind || !row.wave || !row.answer_vector) continue;
    const answers = Int8Array.from(row.answer_vector, (v) => (v === null ? UNANSWERED : v));
    const set = (key: string, value: number | null) => {
      if (value === null) return;
      (learner.scores[key] ??= {})[row.wave!] = value;
    };
    if (row.kind === 'knowledge') {
      if (answers.every((v) => v === UNANSWERED) || row.score === null) continue;
      set('knowledge', Number(row.score));
      continue;
    }
    const instrument = versions.get(row.course_version_id)!.attitudeInstrument;
    for (const s of instrument.subscales) {
      const indices = instrument.items.flatMap((item, i) => (item.subscale === s.key ? [i] : []));
      set(s.key, subscaleScoreAt(answers, indices, indices.map((i) => instrument.items[i]!.reverse), UNANSWERED));
    }
  }
  return [...learners.values()];
}
