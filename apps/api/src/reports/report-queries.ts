import type { EntityManager } from 'typeorm';

// Enrolments whose answers enter a report's statistics: the cohorts asked for, learners who chose evaluation use and
// did not withdraw (the same rule as CohortAnswers.included).
const COHORT = `cohort AS (
  SELECT e.id FROM enrolments e WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL AND e.evaluation_use)`;

export interface ChoiceRow {
  scenario_key: string;
  node_key: string;
  choice_key: string;
  n: number;
}

/** How many learners took each choice at each decision point (finished runs). */
export function scenarioChoices(m: EntityManager, cohortIds: string[]): Promise<ChoiceRow[]> {
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
export async function actionPlanCount(m: EntityManager, cohortIds: string[]): Promise<number> {
  const [row] = await m.query(`WITH ${COHORT} SELECT count(*)::int AS n FROM action_plans p JOIN cohort c ON c.id = p.enrolment_id`, [cohortIds]);
  return row.n;
}
