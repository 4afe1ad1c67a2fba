import type { CohortMember, SqlQuery } from './cohort-answers.js';

// Enrolments whose answers enter a report's statistics: the cohorts asked for, learners who chose evaluation use and
// did not withdraw (the same rule as CohortAnswers.included). The one SQL definition: studies use it too.
export const COHORT = `cohort AS (
  SELECT e.id FROM enrolments e WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL AND e.evaluation_use)`;

export interface ChoiceRow {
  scenario_key: string;
  node_key: string;
  choice_key: string;
  n: number;
}

/** How many learners took each choice at each decision point (finished runs). */
export function scenarioChoices(m: SqlQuery, cohortIds: string[]): Promise<ChoiceRow[]> {
  return m.query(
    `WITH ${COHORT}
     SELECT a.target_key AS scenario_key, r.item_key AS node_key, r.value #>> '{}' AS choice_key, count(DISTINCT a.enrolment_id)::int AS n
       FROM attempts a JOIN cohort c ON c.id = a.enrolment_id JOIN responses r ON r.attempt_id = a.id
      WHERE a.kind = 'scenario'
      GROUP BY 1, 2, 3`,
    [cohortIds],
  );
}

/** How many learners in the statistics wrote an action plan: a count only, the plans' text is private and never read. */
export async function actionPlanCount(m: SqlQuery, cohortIds: string[]): Promise<number> {
  const [row] = await m.query(`WITH ${COHORT} SELECT count(*)::int AS n FROM action_plans p JOIN cohort c ON c.id = p.enrolment_id`, [cohortIds]);
  return row.n;
}

/** Enrolments counted by the flags the participation figures are made of (one row per combination, not per learner). */
export interface ParticipationGroup {
  stage: string;
  status: string;
  consentWithdrawn: boolean;
  evaluationUse: boolean | null;
  certified: boolean;
  /** The learner's account was erased: counted (their pseudonymous answers stay, as they consented), never listed. */
  erased: boolean;
  n: number;
}

export function participationGroups(m: SqlQuery, cohortIds: string[]): Promise<ParticipationGroup[]> {
  return m.query(
    `SELECT e.stage, e.status, e.consent_withdrawn_at IS NOT NULL AS "consentWithdrawn", e.evaluation_use AS "evaluationUse",
            EXISTS (SELECT 1 FROM certificates ct WHERE ct.enrolment_id = e.id) AS certified, e.erased_at IS NOT NULL AS erased, count(*)::int AS n
       FROM enrolments e WHERE e.cohort_id = ANY($1::uuid[])
      GROUP BY 1, 2, 3, 4, 5, 6`,
    [cohortIds],
  );
}

/** A row of the report's learner table, with the learner's answers for scoring (only when they are in the statistics). */
export interface TableRow extends CohortMember {
  name: string;
  stage: string;
  evaluationUse: boolean | null;
  certified: boolean;
}

/** The first `limit` learners by name (consent-withdrawn learners are not listed). */
export function tableRows(m: SqlQuery, cohortIds: string[], limit: number): Promise<TableRow[]> {
  return m.query(
    `SELECT e.id AS "enrolmentId", e.course_version_id AS "courseVersionId", c.name AS "cohortName", u.display_name AS name,
            u.position_type AS "positionType", u.region, e.stage, e.evaluation_use AS "evaluationUse",
            EXISTS (SELECT 1 FROM certificates ct WHERE ct.enrolment_id = e.id) AS certified,
            CASE WHEN e.evaluation_use THEN rv.answers END AS answers, NULL AS choices
       FROM enrolments e JOIN users u ON u.id = e.user_id JOIN cohorts c ON c.id = e.cohort_id
       LEFT JOIN report_vectors rv ON rv.enrolment_id = e.id
      WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL
      ORDER BY u.display_name, e.id
      LIMIT $2`,
    [cohortIds, limit],
  );
}
