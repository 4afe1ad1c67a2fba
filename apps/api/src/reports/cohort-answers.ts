import type { EntityManager } from 'typeorm';
import type { Course } from '#curriculum';

export const WAVES = ['pre', 'post', 'then', 'followup'] as const;
export type Wave = (typeof WAVES)[number];
export type AssessmentKind = 'knowledge' | 'attitude';

/** Marks an unanswered item in decoded answers (answers are 0/1 or 1–5). */
export const UNANSWERED = -1;

export interface CohortMember {
  enrolmentId: string;
  userId: string;
  courseVersionId: string | null;
  cohortName: string;
  /** null once the learner's account was erased (their evaluation-use answers stay, without a person). */
  displayName: string | null;
  /** The account was erased: counted in aggregates as consented, never listed. */
  erased: boolean;
  positionType: string | null;
  region: string | null;
  status: string;
  stage: string;
  consentWithdrawn: boolean;
  /** true: answers may enter statistics and exports; false: course only; null: has not consented yet. */
  evaluationUse: boolean | null;
  /** "kind:wave:score:digits" per assessment attempt, joined by "|" (one digit per item, "-" unanswered); null without consent. */
  answers: string | null;
  /** "wave:mask,mask,-,…" per knowledge attempt, joined by "|": the options chosen (bit i = the item's i-th option). */
  choices: string | null;
  certified: boolean;
}

/** One learner's chosen option keys per knowledge item, in the report course's item order; null = unanswered. */
export type ChoiceVisitor = (learner: number, wave: Wave, chosen: (string[] | null)[]) => void;

/**
 * Called once per assessment attempt. `answers` is in the report course's item order and is a scratch buffer: it is
 * only valid during the call (copy it to keep it). `score` is the knowledge percent graded at submission.
 */
export type AttemptVisitor = (learner: number, kind: AssessmentKind, wave: Wave, score: number | null, answers: Int8Array) => void;

/**
 * Everyone enrolled in the cohorts, by name, with their assessment answers: one query, one row per learner, each
 * attempt's answer vector travelling as a string of digits (20,000 learners are 20,000 short rows, decoded without
 * building objects per answer). Only learners who chose evaluation use (and have not withdrawn) come with answers;
 * the others — course only, withdrawn, not yet consented — are only counted.
 */
export class CohortAnswers {
  /** Learners who entered the statistics (evaluation use, not withdrawn); `learner` in AttemptVisitor indexes this list. */
  readonly included: CohortMember[];

  private constructor(
    readonly everyone: CohortMember[],
    private readonly layouts: Map<string, VectorLayout>,
    private readonly course: Course,
  ) {
    this.included = everyone.filter((m) => !m.consentWithdrawn && m.evaluationUse === true);
  }

  static async load(m: EntityManager, cohortIds: string[], course: Course, versionContent: (versionId: string) => Promise<Course>): Promise<CohortAnswers> {
    // Two statements at once (on a server they run on two connections, so the database uses both cores): everyone
    // with their answer vectors, and the options chosen in the knowledge tests.
    const [everyone, choiceRows]: [CohortMember[], { id: string; choices: string }[]] = await Promise.all([
      m.query(
        `WITH answers AS (
           SELECT a.enrolment_id,
                  string_agg(a.kind || ':' || a.wave || ':' || coalesce(a.score::text, '') || ':' || coalesce(array_to_string(a.answer_vector, '', '-'), ''), '|') AS answers
             FROM attempts a JOIN enrolments e ON e.id = a.enrolment_id
            WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL AND e.evaluation_use AND a.kind IN ('knowledge', 'attitude') AND a.wave IS NOT NULL
            GROUP BY a.enrolment_id)
         SELECT e.id AS "enrolmentId", u.id AS "userId", e.course_version_id AS "courseVersionId", c.name AS "cohortName",
                u.display_name AS "displayName", e.erased_at IS NOT NULL AS erased, u.position_type AS "positionType", u.region, e.status, e.stage,
                e.consent_withdrawn_at IS NOT NULL AS "consentWithdrawn", e.evaluation_use AS "evaluationUse", answers.answers,
                EXISTS (SELECT 1 FROM certificates ct WHERE ct.enrolment_id = e.id) AS certified
           FROM enrolments e LEFT JOIN users u ON u.id = e.user_id JOIN cohorts c ON c.id = e.cohort_id
           LEFT JOIN answers ON answers.enrolment_id = e.id
          WHERE e.cohort_id = ANY($1::uuid[])
          ORDER BY u.display_name, e.id`,
        [cohortIds],
      ),
      m.query(
        `SELECT a.enrolment_id AS id, string_agg(a.wave || ':' || array_to_string(a.choice_vector, ',', '-'), '|') AS choices
           FROM attempts a JOIN enrolments e ON e.id = a.enrolment_id
          WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL AND e.evaluation_use AND a.kind = 'knowledge'
            AND a.wave IN ('pre', 'post') AND a.choice_vector IS NOT NULL
          GROUP BY a.enrolment_id`,
        [cohortIds],
      ),
    ]);
    const choices = new Map(choiceRows.map((row) => [row.id, row.choices]));
    for (const member of everyone) member.choices = choices.get(member.enrolmentId) ?? null;
    const versionIds = [...new Set(everyone.flatMap((r) => ((r.answers || r.choices) && r.courseVersionId ? [r.courseVersionId] : [])))];
    const layouts = new Map(await Promise.all(versionIds.map(async (id) => [id, vectorLayout(await versionContent(id), course)] as const)));
    return new CohortAnswers(everyone, layouts, course);
  }

  forEachAttempt(visit: AttemptVisitor): void {
    const scratch = {
      knowledge: new Int8Array(this.course.knowledgeTest.items.length),
      attitude: new Int8Array(this.course.attitudeInstrument.items.length),
    };
    this.included.forEach((member, learner) => {
      const text = member.answers;
      if (!text || !member.courseVersionId) return;
      const layout = this.layouts.get(member.courseVersionId)!;
      // Parsed by position (no split): "kind:wave:score:digits|…".
      let at = 0;
      while (at < text.length) {
        const kind: AssessmentKind = text.startsWith('knowledge:', at) ? 'knowledge' : 'attitude';
        at += kind.length + 1;
        const wave = waveAt(text, at);
        at += wave.length + 1;
        const scoreEnd = text.indexOf(':', at);
        const score = scoreEnd > at ? Number(text.slice(at, scoreEnd)) : null;
        at = scoreEnd + 1;
        let end = text.indexOf('|', at);
        if (end < 0) end = text.length;
        const answers = scratch[kind].fill(UNANSWERED);
        const positions = layout[kind];
        for (let p = 0; p < end - at && p < positions.length; p++) {
          const value = text.charCodeAt(at + p) - ZERO; // "-" (unanswered) falls below 0
          if (positions[p]! >= 0 && value >= 0) answers[positions[p]!] = value;
        }
        visit(learner, kind, wave, score, answers);
        at = end + 1;
      }
    });
  }

  /**
   * The options each included learner chose in the pre and post knowledge tests (for distractor analysis). `chosen`
   * is a scratch buffer valid only during the call; its option lists are shared and must not be changed.
   */
  forEachKnowledgeChoice(visit: ChoiceVisitor): void {
    const chosen = new Array<string[] | null>(this.course.knowledgeTest.items.length);
    this.included.forEach((member, learner) => {
      const text = member.choices;
      if (!text || !member.courseVersionId) return;
      const layout = this.layouts.get(member.courseVersionId)!;
      // Parsed by position: "wave:mask,mask,-,…|…".
      let at = 0;
      while (at < text.length) {
        const colon = text.indexOf(':', at);
        const wave = text.slice(at, colon) as Wave;
        let end = text.indexOf('|', colon);
        if (end < 0) end = text.length;
        chosen.fill(null);
        let p = 0;
        let mask = 0;
        let answered = false;
        for (let c = colon + 1; c <= end; c++) {
          const code = c < end ? text.charCodeAt(c) : COMMA;
          if (code === COMMA) {
            const target = layout.knowledge[p];
            if (answered && target !== undefined && target >= 0) chosen[target] = layout.selected(p, mask);
            p++;
            mask = 0;
            answered = false;
          } else if (code >= ZERO && code <= ZERO + 9) {
            mask = mask * 10 + (code - ZERO);
            answered = true;
          }
        }
        visit(learner, wave, chosen);
        at = end + 1;
      }
    });
  }
}

/** The wave written at `at` (pre, post, then, followup), told apart by its first two characters. */
function waveAt(text: string, at: number): Wave {
  const first = text.charCodeAt(at);
  if (first === 116 /* t */) return 'then';
  if (first === 102 /* f */) return 'followup';
  return text.charCodeAt(at + 1) === 114 /* r */ ? 'pre' : 'post';
}
const COMMA = 44;
const ZERO = 48;

/** Where each position of a version's vectors lands in the report course's item order (-1: not in the report). */
type VectorLayout = Record<AssessmentKind, Int16Array> & {
  /** The option keys a knowledge answer's bitmask selects, for the version's item at position p (memoised). */
  selected(p: number, mask: number): string[];
};

function vectorLayout(version: Course, report: Course): VectorLayout {
  const indexIn = (keys: string[]) => new Map(keys.map((k, i) => [k, i]));
  const knowledge = indexIn(report.knowledgeTest.items.map((i) => i.key));
  const attitude = indexIn(report.attitudeInstrument.items.map((i) => i.key));
  return {
    knowledge: Int16Array.from(version.knowledgeTest.items, (i) => knowledge.get(i.key) ?? -1),
    attitude: Int16Array.from(version.attitudeInstrument.items, (i) => attitude.get(i.key) ?? -1),
    selected: selectedOptions(version),
  };
}

function selectedOptions(version: Course): VectorLayout['selected'] {
  const keys = version.knowledgeTest.items.map((i) => i.options.map((o) => o.key));
  const memo = keys.map(() => new Map<number, string[]>());
  return (p, mask) => {
    let list = memo[p]!.get(mask);
    if (!list) memo[p]!.set(mask, (list = keys[p]!.filter((_, bit) => (mask & (1 << bit)) !== 0)));
    return list;
  };
}
