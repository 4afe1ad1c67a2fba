import type { EntityManager } from 'typeorm';

/** Attitude item metadata passed to SQL as one jsonb parameter (the mapping lives in the course, not the database). */
export interface ItemMeta {
  item_key: string;
  subscale: string;
  reverse: boolean;
}

// Enrolments that enter a report: the cohorts asked for, minus learners who withdrew their consent.
const COHORT = `cohort AS (
  SELECT e.id, e.user_id, e.status FROM enrolments e WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL)`;
const ITEMS = `items AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(item_key text, subscale text, reverse boolean))`;
const REKEYED = `CASE WHEN i.reverse THEN 6 - (r.value)::int ELSE (r.value)::int END`;

export interface MeasureRow {
  enrolment_id: string;
  measure: string;
  pre: number | null;
  post: number | null;
  then: number | null;
  followup: number | null;
}

/**
 * One row per learner and measure with every wave side by side. Subscale scores were computed when the answers
 * arrived (attempt_scores: re-keyed, only when ≥ 75 % answered); knowledge is percent correct.
 */
export function measuresByLearner(m: EntityManager, cohortIds: string[], _items: ItemMeta[]): Promise<MeasureRow[]> {
  return m.query(
    `WITH ${COHORT},
     scores AS (
       SELECT a.enrolment_id, s.measure, a.wave, s.score
         FROM attempts a JOIN cohort c ON c.id = a.enrolment_id JOIN attempt_scores s ON s.attempt_id = a.id
        WHERE a.kind = 'attitude' AND s.score IS NOT NULL
       UNION ALL
       SELECT a.enrolment_id, 'knowledge', a.wave, a.score::float8 FROM attempts a JOIN cohort c ON c.id = a.enrolment_id WHERE a.kind = 'knowledge')
     SELECT enrolment_id, measure,
            max(score) FILTER (WHERE wave = 'pre') AS pre, max(score) FILTER (WHERE wave = 'post') AS post,
            max(score) FILTER (WHERE wave = 'then') AS then, max(score) FILTER (WHERE wave = 'followup') AS followup
       FROM scores GROUP BY enrolment_id, measure`,
    [cohortIds],
  );
}

export interface AlphaMomentRow {
  wave: 'pre' | 'post';
  subscale: string;
  pos: number;
  n: number;
  sx: number;
  sxx: number;
  st: number;
  stt: number;
  sxt: number;
}

/**
 * Cronbach's α inputs aggregated in the database: per subscale, wave and item position (item-key order), the sums
 * over complete respondents of x, x², total, total² and x·total. A few dozen rows whatever the cohort size.
 */
export function alphaMoments(m: EntityManager, cohortIds: string[]): Promise<AlphaMomentRow[]> {
  return m.query(
    `WITH ${COHORT},
     -- MATERIALIZED: computed once per respondent; inlined, the total would be recomputed for every item of every row.
     v AS MATERIALIZED (
       SELECT a.wave, s.measure, s.items, (SELECT sum(x) FROM unnest(s.items) x)::float8 AS total
         FROM attempts a JOIN cohort c ON c.id = a.enrolment_id JOIN attempt_scores s ON s.attempt_id = a.id
        WHERE a.kind = 'attitude' AND a.wave IN ('pre', 'post') AND s.items IS NOT NULL)
     SELECT v.wave, v.measure AS subscale, u.pos::int, count(*)::int AS n,
            sum(u.x)::float8 AS sx, sum(u.x * u.x)::float8 AS sxx, sum(v.total) AS st, sum(v.total * v.total) AS stt, sum(u.x * v.total) AS sxt
       FROM v, unnest(v.items) WITH ORDINALITY AS u(x, pos)
      GROUP BY v.wave, v.measure, u.pos`,
    [cohortIds],
  );
}

export interface ItemMeanRow {
  item_key: string;
  kind: 'attitude' | 'knowledge';
  wave: 'pre' | 'post';
  n: number;
  mean: number;
}

/** Per item and wave: mean re-keyed answer (attitude) or share answered correctly (knowledge, 0–100). */
export function itemMeans(m: EntityManager, cohortIds: string[], items: ItemMeta[]): Promise<ItemMeanRow[]> {
  return m.query(
    `WITH ${COHORT}, ${ITEMS}
     SELECT r.item_key, a.kind, a.wave, count(*)::int AS n,
            -- FILTER keeps each aggregate to its own kind of answer (knowledge answers are option lists, not ratings).
            coalesce(avg(${REKEYED}) FILTER (WHERE a.kind = 'attitude'),
                     100 * avg(CASE WHEN r.correct THEN 1 ELSE 0 END) FILTER (WHERE a.kind = 'knowledge'))::float8 AS mean
       FROM attempts a JOIN cohort c ON c.id = a.enrolment_id JOIN responses r ON r.attempt_id = a.id
       LEFT JOIN items i ON i.item_key = r.item_key
      WHERE a.kind IN ('attitude', 'knowledge') AND a.wave IN ('pre', 'post') AND (a.kind = 'knowledge' OR i.item_key IS NOT NULL)
      GROUP BY r.item_key, a.kind, a.wave`,
    [cohortIds, JSON.stringify(items)],
  );
}

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

export interface LearnerRow {
  enrolment_id: string;
  user_id: string;
  display_name: string;
  position_type: string | null;
  region: string | null;
  status: string;
  stage: string;
  consent_withdrawn: boolean;
}

export function learners(m: EntityManager, cohortIds: string[]): Promise<LearnerRow[]> {
  return m.query(
    `SELECT e.id AS enrolment_id, u.id AS user_id, u.display_name, u.position_type, u.region, e.status, e.stage,
            e.consent_withdrawn_at IS NOT NULL AS consent_withdrawn
       FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = ANY($1::uuid[]) ORDER BY u.display_name`,
    [cohortIds],
  );
}

export interface ResponseRow {
  enrolment_id: string;
  wave: string;
  kind: 'attitude' | 'knowledge';
  item_key: string;
  value: unknown;
  correct: boolean | null;
}

/** Item-level answers for exports (attitude raw 1–5, knowledge correct/incorrect). */
export function itemResponses(m: EntityManager, cohortIds: string[]): Promise<ResponseRow[]> {
  return m.query(
    `WITH ${COHORT}
     SELECT a.enrolment_id, a.wave, a.kind, r.item_key, r.value, r.correct
       FROM attempts a JOIN cohort c ON c.id = a.enrolment_id JOIN responses r ON r.attempt_id = a.id
      WHERE a.kind IN ('attitude', 'knowledge')`,
    [cohortIds],
  );
}
