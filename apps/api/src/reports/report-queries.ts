import type { EntityManager } from 'typeorm';

// Enrolments that enter a report: the cohorts asked for, minus learners who withdrew their consent.
const COHORT = `cohort AS (
  SELECT e.id FROM enrolments e WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL)`;

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
