import type { Course } from '#curriculum';
import { FOREIGN_OPTION_BIT } from '#evaluation';

export const WAVES = ['pre', 'post', 'then', 'followup'] as const;
export type Wave = (typeof WAVES)[number];
export type AssessmentKind = 'knowledge' | 'attitude';

/** Marks an unanswered item in decoded answers (answers are 0/1 or 1–5). */
export const UNANSWERED = -1;

/** A learner whose answers enter the statistics (evaluation use, consent not withdrawn). No name: statistics never need one. */
export interface CohortMember {
  enrolmentId: string;
  courseVersionId: string | null;
  cohortName: string;
  positionType: string | null;
  region: string | null;
  /** "kind:wave:score:digits" per assessment attempt, joined by "|" (one digit per item, "-" unanswered). */
  answers: string | null;
  /** "wave:mask,mask,-,…" per knowledge attempt, joined by "|": the options chosen (bit i = the item's i-th option). */
  choices: string | null;
}

/** Runs one SQL statement and returns its rows (DatabasePool, or a client inside one of its transactions). */
export interface SqlQuery {
  query(text: string, params?: unknown[]): Promise<any[]>;
}

/**
 * One learner's choices per knowledge item, in the report course's item order, each a bitmask over the report item's
 * options (bit o = its o-th option; FOREIGN_OPTION_BIT = an option the report's item does not have; -1 unanswered).
 */
export type ChoiceVisitor = (learner: number, wave: Wave, masks: Int32Array) => void;

/**
 * Called once per assessment attempt. `answers` is in the report course's item order and is a scratch buffer: it is
 * only valid during the call (copy it to keep it). `score` is the knowledge percent graded at submission.
 */
export type AttemptVisitor = (learner: number, kind: AssessmentKind, wave: Wave, score: number | null, answers: Int8Array) => void;

/** One learner per line, fields split by tabs (ids, version, codes and vectors never hold either; all ASCII). */
const LEARNER_LINE = `concat_ws(E'\t', e.id, coalesce(e.course_version_id::text, ''), e.cohort_id, coalesce(u.position_type, ''),
  coalesce(u.region, ''), coalesce(rv.answers, ''), coalesce(rv.choices, ''))`;
const FIELDS = 7;
const TAB = 9;
const NEWLINE = 10;
/** The learners travel in this many texts of ~1 MB each at 100,000 learners (one huge message costs more to buffer). */
const BATCHES = 64;

/**
 * The learners whose answers enter the statistics (evaluation use, consent not withdrawn), with their assessment
 * answers. The database keeps each enrolment's answer vectors ready as short strings (`report_vectors`, refreshed by
 * triggers whenever an attempt changes) and sends the learners as a few long texts, one line per learner; this class
 * keeps those lines as bytes and, per learner, only numbers (offsets, small codes). At 200,000 learners, row objects
 * holding strings made the garbage collector the largest cost of the report (each full collection marked them all
 * again), and reading a long string character by character cost more than reading bytes. No names: statistics never
 * need one.
 */
export class CohortAnswers {
  /** Learners; `learner` in the visitors is 0 … size − 1. */
  readonly size: number;
  /** Per learner (shared strings, null when unknown): what the role and region breakdowns group by. */
  readonly positionType: (string | null)[] = [];
  readonly region: (string | null)[] = [];
  private readonly idAt: Uint32Array;
  private readonly answersAt: Uint32Array;
  private readonly answersEnd: Uint32Array;
  private readonly choicesAt: Uint32Array;
  private readonly choicesEnd: Uint32Array;
  private readonly version: Int16Array;
  private readonly cohort: Int16Array;
  private readonly versionIds: string[] = [];
  private readonly cohortIds: string[] = [];

  private constructor(
    private readonly bytes: Buffer,
    private readonly course: Course,
    private readonly cohortNames: Map<string, string>,
    private layouts: Map<string, VectorLayout> = new Map(),
  ) {
    let size = 0;
    for (let at = 0; (at = bytes.indexOf(NEWLINE, at) + 1) > 0; ) size++;
    this.size = bytes.length === 0 ? 0 : size + 1;
    const column = () => new Uint32Array(this.size);
    [this.idAt, this.answersAt, this.answersEnd, this.choicesAt, this.choicesEnd] = [column(), column(), column(), column(), column()];
    this.version = new Int16Array(this.size);
    this.cohort = new Int16Array(this.size);
    this.readLines();
  }

  static async load(m: SqlQuery, cohortIds: string[], course: Course, versionContent: (versionId: string) => Promise<Course>): Promise<CohortAnswers> {
    const [batches, cohorts] = await Promise.all([
      m.query(
        `SELECT string_agg(${LEARNER_LINE}, E'\n') AS text
           FROM enrolments e LEFT JOIN users u ON u.id = e.user_id LEFT JOIN report_vectors rv ON rv.enrolment_id = e.id
          WHERE e.cohort_id = ANY($1::uuid[]) AND e.consent_withdrawn_at IS NULL AND e.evaluation_use
          GROUP BY hashtext(e.id::text) & ${BATCHES - 1}`,
        [cohortIds],
      ) as Promise<{ text: string }[]>,
      m.query(`SELECT id, name FROM cohorts WHERE id = ANY($1::uuid[])`, [cohortIds]) as Promise<{ id: string; name: string }[]>,
    ]);
    const answers = new CohortAnswers(linesToBytes(batches.map((b) => b.text)), course, new Map(cohorts.map((c) => [c.id, c.name])));
    answers.layouts = new Map(await Promise.all(answers.versionIds.map(async (id) => [id, vectorLayout(await versionContent(id), course)] as const)));
    return answers;
  }

  /** Other learners of the same course versions (e.g. the rows of a table), read with the same layouts. */
  subset(members: CohortMember[]): CohortAnswers {
    const lines = members.map((m) => [m.enrolmentId, m.courseVersionId ?? '', '', m.positionType ?? '', m.region ?? '', m.answers ?? '', m.choices ?? ''].join('\t'));
    return new CohortAnswers(linesToBytes(lines), this.course, this.cohortNames, this.layouts);
  }

  /** The learners as objects (exports: a few thousand rows; the report itself never builds them). */
  members(): CohortMember[] {
    const text = (from: number, to: number) => (to > from ? this.bytes.toString('latin1', from, to) : null);
    return Array.from({ length: this.size }, (_, i) => ({
      enrolmentId: this.bytes.toString('latin1', this.idAt[i]!, this.bytes.indexOf(TAB, this.idAt[i]!)),
      courseVersionId: this.versionIds[this.version[i]!] ?? null,
      cohortName: this.cohortNames.get(this.cohortIds[this.cohort[i]!] ?? '') ?? '',
      positionType: this.positionType[i]!,
      region: this.region[i]!,
      answers: text(this.answersAt[i]!, this.answersEnd[i]!),
      choices: text(this.choicesAt[i]!, this.choicesEnd[i]!),
    }));
  }

  /**
   * One pass over the lines: field offsets per learner; versions, cohorts and group values coded once each. A field's
   * text is made into a string only the first time its bytes appear (a few distinct values, 200,000 learners).
   */
  private readLines(): void {
    const { bytes } = this;
    const versions = new ByteInterner(bytes);
    const cohorts = new ByteInterner(bytes);
    const positions = new ByteInterner(bytes);
    const regions = new ByteInterner(bytes);
    const code = (interner: ByteInterner, list: string[], from: number, to: number) => {
      const c = interner.code(from, to);
      if (c === list.length) list.push(interner.values[c]!);
      return c;
    };
    const starts = new Uint32Array(FIELDS + 1);
    let at = 0;
    for (let learner = 0; learner < this.size; learner++) {
      starts[0] = at;
      let c = at;
      for (let f = 1; f < FIELDS; f++) {
        while (c < bytes.length && bytes[c] !== TAB && bytes[c] !== NEWLINE) c++;
        starts[f] = c + 1;
        if (bytes[c] === TAB) c++;
      }
      const lineEnd = find(bytes, NEWLINE, c, bytes.length);
      starts[FIELDS] = lineEnd + 1; // one past the line's end, as if a tab followed the last field
      const end = (f: number) => Math.max(starts[f]!, starts[f + 1]! - 1);
      this.idAt[learner] = starts[0]!;
      this.version[learner] = end(1) === starts[1] ? -1 : code(versions, this.versionIds, starts[1]!, end(1));
      this.cohort[learner] = code(cohorts, this.cohortIds, starts[2]!, end(2));
      this.positionType.push(end(3) === starts[3] ? null : positions.values[positions.code(starts[3]!, end(3))]!);
      this.region.push(end(4) === starts[4] ? null : regions.values[regions.code(starts[4]!, end(4))]!);
      this.answersAt[learner] = starts[5]!;
      this.answersEnd[learner] = end(5);
      this.choicesAt[learner] = starts[6]!;
      this.choicesEnd[learner] = end(6);
      at = lineEnd + 1;
    }
  }

  private layoutOf(learner: number): VectorLayout | undefined {
    const version = this.versionIds[this.version[learner]!];
    // No layout: a subset's learner who answered a version the report did not read (counted next time).
    return version === undefined ? undefined : this.layouts.get(version);
  }

  forEachAttempt(visit: AttemptVisitor): void {
    const scratch = {
      knowledge: new Int8Array(this.course.knowledgeTest.items.length),
      attitude: new Int8Array(this.course.attitudeInstrument.items.length),
    };
    const { bytes } = this;
    for (let learner = 0; learner < this.size; learner++) {
      const layout = this.layoutOf(learner);
      if (!layout) continue;
      // Parsed by position (no split): "kind:wave:score:digits|…".
      let at = this.answersAt[learner]!;
      const last = this.answersEnd[learner]!;
      while (at < last) {
        const kind: AssessmentKind = bytes[at] === K ? 'knowledge' : 'attitude';
        at += kind.length + 1;
        const wave = waveAt(bytes, at);
        at += wave.length + 1;
        const scoreEnd = find(bytes, COLON, at, last);
        const score = scoreEnd > at ? parseScore(bytes, at, scoreEnd) : null;
        at = scoreEnd + 1;
        const end = find(bytes, BAR, at, last);
        const answers = scratch[kind].fill(UNANSWERED);
        const positions = layout[kind];
        for (let p = 0; p < end - at && p < positions.length; p++) {
          const value = bytes[at + p]! - ZERO; // "-" (unanswered) falls below 0
          if (positions[p]! >= 0 && value >= 0) answers[positions[p]!] = value;
        }
        visit(learner, kind, wave, score, answers);
        at = end + 1;
      }
    }
  }

  /**
   * The options each learner chose in the pre and post knowledge tests (for distractor analysis). `masks` is a scratch
   * buffer valid only during the call.
   */
  forEachKnowledgeChoice(visit: ChoiceVisitor): void {
    const masks = new Int32Array(this.course.knowledgeTest.items.length);
    const { bytes } = this;
    for (let learner = 0; learner < this.size; learner++) {
      const layout = this.layoutOf(learner);
      if (!layout) continue;
      // Parsed by position: "wave:mask,mask,-,…|…".
      let at = this.choicesAt[learner]!;
      const last = this.choicesEnd[learner]!;
      while (at < last) {
        const colon = find(bytes, COLON, at, last);
        const wave = waveAt(bytes, at);
        const end = find(bytes, BAR, colon, last);
        masks.fill(-1);
        let p = 0;
        let mask = 0;
        let answered = false;
        for (let c = colon + 1; c <= end; c++) {
          const code = c < end ? bytes[c]! : COMMA;
          if (code === COMMA) {
            const target = layout.knowledge[p];
            if (answered && target !== undefined && target >= 0) masks[target] = layout.reportMask(p, mask);
            p++;
            mask = 0;
            answered = false;
          } else if (code >= ZERO && code <= ZERO + 9) {
            mask = mask * 10 + (code - ZERO);
            answered = true;
          }
        }
        visit(learner, wave, masks);
        at = end + 1;
      }
    }
  }
}

/** Codes the distinct texts of one field by comparing bytes with the first occurrence of each (no string per line). */
class ByteInterner {
  readonly values: string[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];

  constructor(private readonly bytes: Buffer) {}

  code(from: number, to: number): number {
    const length = to - from;
    for (let c = 0; c < this.values.length; c++) {
      if (this.lengths[c] !== length) continue;
      const start = this.starts[c]!;
      let i = 0;
      while (i < length && this.bytes[start + i] === this.bytes[from + i]) i++;
      if (i === length) return c;
    }
    this.starts.push(from);
    this.lengths.push(length);
    return this.values.push(this.bytes.toString('latin1', from, to)) - 1;
  }
}

/** The wave written at `at` (pre, post, then, followup), told apart by its first two characters. */
function waveAt(bytes: Uint8Array, at: number): Wave {
  const first = bytes[at];
  if (first === 116 /* t */) return 'then';
  if (first === 102 /* f */) return 'followup';
  return bytes[at + 1] === 114 /* r */ ? 'pre' : 'post';
}

/**
 * The first `byte` in [from, to), else `to`. A plain loop: the fields are short, and Buffer.indexOf's call into C++
 * cost more than the search (a million attempts at 200,000 learners).
 */
function find(bytes: Uint8Array, byte: number, from: number, to: number): number {
  let at = from;
  while (at < to && bytes[at] !== byte) at++;
  return at;
}

/** A score as numeric text ("64", "64.0", "33.33…"): whole numbers read directly, anything else by Number(). */
function parseScore(bytes: Buffer, from: number, to: number): number {
  let whole = 0;
  let at = from;
  for (; at < to && bytes[at] !== DOT; at++) whole = whole * 10 + (bytes[at]! - ZERO);
  for (let f = at + 1; f < to; f++) if (bytes[f] !== ZERO) return Number(bytes.toString('latin1', from, to));
  return whole;
}

/** The lines as one byte buffer, "\n" between them (their text is ASCII, so one byte per character). */
function linesToBytes(lines: string[]): Buffer {
  const bytes = Buffer.allocUnsafe(lines.reduce((sum, line) => sum + line.length, 0) + Math.max(0, lines.length - 1));
  let at = 0;
  lines.forEach((line, i) => {
    if (i > 0) bytes[at++] = NEWLINE;
    at += bytes.write(line, at, 'latin1');
  });
  return bytes;
}

const COMMA = 44;
const COLON = 58;
const DOT = 46;
const BAR = 124;
const ZERO = 48;
const K = 107;

/** Where each position of a version's vectors lands in the report course's item order (-1: not in the report). */
type VectorLayout = Record<AssessmentKind, Int16Array> & {
  /** A knowledge answer's bitmask over the version item p's options, as a bitmask over the report item's options. */
  reportMask(p: number, mask: number): number;
};

function vectorLayout(version: Course, report: Course): VectorLayout {
  const indexIn = (keys: string[]) => new Map(keys.map((k, i) => [k, i]));
  const knowledge = indexIn(report.knowledgeTest.items.map((i) => i.key));
  const attitude = indexIn(report.attitudeInstrument.items.map((i) => i.key));
  return {
    knowledge: Int16Array.from(version.knowledgeTest.items, (i) => knowledge.get(i.key) ?? -1),
    attitude: Int16Array.from(version.attitudeInstrument.items, (i) => attitude.get(i.key) ?? -1),
    reportMask: reportMasks(version, report),
  };
}

/** Option bits of a version's items in the report items' option order (the same keys, possibly elsewhere). */
function reportMasks(version: Course, report: Course): VectorLayout['reportMask'] {
  const reportOptions = new Map(report.knowledgeTest.items.map((item) => [item.key, new Map(item.options.map((o, bit) => [o.key, bit]))]));
  const bits = version.knowledgeTest.items.map((item) => {
    const target = reportOptions.get(item.key);
    return Int32Array.from(item.options, (o) => {
      const bit = target?.get(o.key);
      return bit === undefined ? FOREIGN_OPTION_BIT : 1 << bit;
    });
  });
  const same = bits.map((b) => b.every((value, i) => value === 1 << i));
  const valid = bits.map((b) => (1 << b.length) - 1); // bits beyond the item's options were never options
  return (p, mask) => {
    if (same[p]) return mask & valid[p]!;
    let out = 0;
    for (let bit = 0; bit < bits[p]!.length; bit++) if (mask & (1 << bit)) out |= bits[p]![bit]!;
    return out;
  };
}
