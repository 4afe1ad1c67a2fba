import { createHmac } from 'node:crypto';
import type { Course } from '#curriculum';
import { MIN_GROUP_N } from '#evaluation';
import { type AssessmentKind, UNANSWERED, type Wave } from '../answer-vectors.js';
import type { CohortAnswers, CohortMember } from '../cohort-answers.js';
import { type ScoreColumns, scoreAt } from '../cohort-scores.js';
import type { Cell, Table } from './export-csv.js';

export const KNOWLEDGE_WAVES = ['pre', 'post', 'followup'] as const satisfies readonly Wave[];
export const ATTITUDE_WAVES = ['pre', 'post', 'then', 'followup'] as const satisfies readonly Wave[];
/** taken: at least one item answered; empty: submitted with nothing answered (missing, never 0 %); not_taken: no attempt. */
export type WaveStatus = 'taken' | 'empty' | 'not_taken';
/** Written instead of a cohort, position type or region that fewer than MIN_GROUP_N learners of a file hold. */
export const SUPPRESSED_VALUE = 'other';
export const UNKNOWN_VALUE = 'unknown';
export const ID_COLUMNS = ['pseudonym', 'cohort', 'position_type', 'region', 'wave', 'status'] as const;
export const subscaleColumn = (subscale: string) => `att_${subscale}`;

export interface ExportTables {
  knowledge: Table;
  /** null when fewer than MIN_GROUP_N learners contribute attitude data (the file is withheld). */
  attitudes: Table | null;
  learners: number;
  attitudeContributors: number;
}

/** The export's scope: its cohort ids, lower-cased, de-duplicated and sorted (the same scope always gives the same key). */
export const exportScope = (cohortIds: readonly string[]) => [...new Set(cohortIds.map((id) => id.toLowerCase()))].sort().join(',');

/**
 * Pseudonyms keyed to one export scope and one file family: key = HMAC-SHA256(server secret, "respeta-export|label|scope"),
 * pseudonym = prefix + first 16 hex digits of HMAC-SHA256(key, enrolment id). Another scope or another label gives
 * unrelated codes, so files of different scopes cannot be joined, and knowledge rows (which trainers see by name in the
 * report) cannot be joined to attitude rows.
 */
export function pseudonymizer(secret: string, cohortIds: readonly string[], label: 'knowledge' | 'attitude' | 'practice'): (enrolmentId: string) => string {
  const key = createHmac('sha256', secret).update(`respeta-export|${label}|${exportScope(cohortIds)}`).digest();
  const prefix = { knowledge: 'K-', attitude: 'A-', practice: 'P-' }[label];
  return (enrolmentId) => prefix + createHmac('sha256', key).update(enrolmentId).digest('hex').slice(0, 16);
}

type Answers = Map<Wave, Cell[]>;

/**
 * The two files of an export, one row per learner and wave (every wave, with its status), rows sorted by pseudonym.
 * Numbers are the very scores the report computes (cohort-scores), unrounded. Only the learners in `answers` (evaluation use,
 * not withdrawn) appear.
 */
export function exportTables(
  course: Course, answers: CohortAnswers, scores: Record<string, ScoreColumns>, pseudonyms: Record<'knowledge' | 'attitude', (id: string) => string>,
): ExportTables {
  const members = answers.members();
  const byLearner = members.map(() => ({ knowledge: new Map() as Answers, attitude: new Map() as Answers }));
  answers.vectors.forEachAttempt((learner, kind: AssessmentKind, wave, _score, item) => {
    // The visitor lends a scratch buffer: copy it.
    byLearner[learner]![kind].set(wave, Array.from(item, (x) => (x === UNANSWERED ? null : x)));
  });
  const statusOf = (cells: Cell[] | undefined): WaveStatus => (!cells ? 'not_taken' : cells.some((c) => c !== null) ? 'taken' : 'empty');
  const contributes = (kind: AssessmentKind) => members.map((_, i) => [...byLearner[i]![kind].values()].some((cells) => statusOf(cells) === 'taken'));

  const knowledgeItems = course.knowledgeTest.items.map((i) => i.key);
  const knowledge = buildTable(members, contributes('knowledge'), pseudonyms.knowledge, KNOWLEDGE_WAVES, ['knowledge_pct', ...knowledgeItems], (learner, wave) => {
    const cells = byLearner[learner]!.knowledge.get(wave);
    const status = statusOf(cells);
    // An empty test is missing, never 0 %: the score is written only for a test with something answered.
    const pct = status === 'taken' ? scoreAt(scores.knowledge!, wave, learner) : null;
    return [status, pct, ...(cells ?? knowledgeItems.map(() => null))];
  });

  const attitudeContributors = contributes('attitude');
  const nAttitude = attitudeContributors.filter(Boolean).length;
  const subscales = course.attitudeInstrument.subscales.map((s) => s.key);
  const attitudeItems = course.attitudeInstrument.items.map((i) => i.key);
  const attitudes = nAttitude < MIN_GROUP_N ? null : buildTable(
    members, attitudeContributors, pseudonyms.attitude, ATTITUDE_WAVES, [...subscales.map(subscaleColumn), ...attitudeItems], (learner, wave) => {
      const cells = byLearner[learner]!.attitude.get(wave);
      const status = statusOf(cells);
      return [status, ...subscales.map((s) => (status === 'taken' ? scoreAt(scores[s]!, wave, learner) : null)), ...(cells ?? attitudeItems.map(() => null))];
    },
    { combinations: true },
  );
  return { knowledge, attitudes, learners: members.length, attitudeContributors: nAttitude };
}

/**
 * The behaviour follow-up file: one row per learner in the statistics (wave followup), the option key chosen per
 * question, empty when skipped. Self-report about one's own work can expose a person as much as an opinion, so it
 * gets the attitude file's protection: its own pseudonyms (P-), rare combinations recoded, withheld under 5 respondents.
 */
export function exportPracticeTable(
  course: Course, answers: CohortAnswers, practice: ReadonlyMap<string, Record<string, string>>, pseudonym: (id: string) => string,
): { table: Table | null; contributors: number } {
  const q = course.practiceQuestionnaire;
  if (!q) return { table: null, contributors: 0 };
  const members = answers.members();
  const contributors = members.map((m) => practice.has(m.enrolmentId));
  const count = contributors.filter(Boolean).length;
  if (count < MIN_GROUP_N) return { table: null, contributors: count };
  const table = buildTable(members, contributors, pseudonym, ['followup'], q.items.map((i) => i.key), (learner) => {
    const given = practice.get(members[learner]!.enrolmentId);
    return [given ? 'taken' : 'not_taken', ...q.items.map((i) => given?.[i.key] ?? null)];
  }, { combinations: true });
  return { table, contributors: count };
}

function buildTable(
  members: CohortMember[], contributors: boolean[], pseudonym: (id: string) => string, waves: readonly Wave[], valueColumns: string[],
  values: (learner: number, wave: Wave) => Cell[], options: { combinations: boolean } = { combinations: false },
): Table {
  const cohort = generaliser(members, contributors, (m) => m.cohortName);
  const position = generaliser(members, contributors, (m) => m.positionType);
  const region = generaliser(members, contributors, (m) => m.region);
  const described = members.map((m) => [cohort(m), position(m), region(m)]);
  if (options.combinations) recodeRareCombinations(described, contributors);
  const learners = members.map((m, learner) => ({ learner, code: pseudonym(m.enrolmentId) }));
  // Sorted by pseudonym, never by name (the database hands learners over in name order).
  learners.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows: Cell[][] = [];
  for (const { learner, code } of learners) {
    for (const wave of waves) rows.push([code, ...described[learner]!, wave, ...values(learner, wave)]);
  }
  return { columns: [...ID_COLUMNS, ...valueColumns], rows };
}

/**
 * For the attitude file, single values are not enough: "the only police officer from Lima" is one person even when
 * police and Lima are each common. While some combination of cohort, position type and region is held by fewer than
 * MIN_GROUP_N contributors, one whole column is written as "other" for everyone (region first, then position type,
 * then cohort), so every combination left covers at least MIN_GROUP_N people.
 */
function recodeRareCombinations(described: string[][], contributors: boolean[]): void {
  for (const column of [2, 1, 0]) {
    const counts = new Map<string, number>();
    described.forEach((d, i) => {
      if (contributors[i]) counts.set(d.join('\u0000'), (counts.get(d.join('\u0000')) ?? 0) + 1);
    });
    if ([...counts.values()].every((n) => n >= MIN_GROUP_N)) return;
    for (const d of described) d[column] = SUPPRESSED_VALUE;
  }
}

/**
 * Small-cell protection for the descriptive columns: a value held by fewer than MIN_GROUP_N of the learners who
 * contribute data to the file is written as "other" (a missing value counts as the value "unknown").
 */
function generaliser(members: CohortMember[], contributors: boolean[], valueOf: (m: CohortMember) => string | null): (m: CohortMember) => string {
  const counts = new Map<string, number>();
  members.forEach((m, i) => {
    if (!contributors[i]) return;
    const value = valueOf(m) ?? UNKNOWN_VALUE;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  });
  return (m) => {
    const value = valueOf(m) ?? UNKNOWN_VALUE;
    return (counts.get(value) ?? 0) < MIN_GROUP_N ? SUPPRESSED_VALUE : value;
  };
}
