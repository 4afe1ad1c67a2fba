import type { Course } from '#curriculum';
import { type AnswerVectorsData, AnswerVectors, find, sharedArray, type VectorLayout, vectorLayout } from './answer-vectors.js';

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

/** A database that can also send a COPY's output (DatabasePool). */
export interface CopySource extends SqlQuery {
  copyOut(text: string): Promise<Buffer[]>;
}

/**
 * One learner per line, fields split by tabs: COPY's text format, which escapes only tabs, newlines and backslashes
 * (ids, versions, codes and vectors hold none of them; all ASCII). No NULL: COPY would write it as \N.
 */
const LEARNER_FIELDS = `e.id, coalesce(e.course_version_id::text, ''), e.cohort_id, coalesce(u.position_type, ''),
  coalesce(u.region, ''), coalesce(rv.answers, ''), coalesce(rv.choices, '')`;
const FIELDS = 7;
const TAB = 9;
const NEWLINE = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The learners whose answers enter the statistics (evaluation use, consent not withdrawn), with their assessment
 * answers. The database keeps each enrolment's answer vectors ready as short strings (`report_vectors`, refreshed by
 * triggers whenever an attempt changes) and sends the learners through COPY, one line per learner, as bytes that are
 * never decoded into strings; this class keeps those lines in shared memory (worker threads scan them in place) and,
 * per learner, only numbers (offsets, small codes). At 200,000 learners, row objects
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
  private scan: AnswerVectors | undefined;

  private constructor(
    private readonly bytes: Buffer,
    private readonly course: Course,
    private readonly cohortNames: Map<string, string>,
    private layouts: Map<string, VectorLayout> = new Map(),
  ) {
    let size = 0;
    for (let at = 0; (at = bytes.indexOf(NEWLINE, at) + 1) > 0; ) size++;
    this.size = bytes.length === 0 ? 0 : size + 1;
    // The vector offsets and version codes live in shared memory: a worker thread scans them where they are.
    const column = () => sharedArray(Uint32Array, this.size);
    this.idAt = new Uint32Array(this.size);
    [this.answersAt, this.answersEnd, this.choicesAt, this.choicesEnd] = [column(), column(), column(), column()];
    this.version = sharedArray(Int16Array, this.size);
    this.cohort = new Int16Array(this.size);
    this.readLines();
  }

  static async load(m: CopySource, cohortIds: string[], course: Course, versionContent: (versionId: string) => Promise<Course>): Promise<CohortAnswers> {
    // COPY takes no parameters: the ids go in as a literal, each checked to be a UUID first.
    const bad = cohortIds.find((id) => !UUID.test(id));
    if (bad !== undefined) throw new Error(`CohortAnswers.load: "${bad}" is not a cohort id`);
    const [chunks, cohorts] = await Promise.all([
      m.copyOut(
        `COPY (SELECT ${LEARNER_FIELDS}
           FROM enrolments e LEFT JOIN users u ON u.id = e.user_id LEFT JOIN report_vectors rv ON rv.enrolment_id = e.id
          WHERE e.cohort_id = ANY('{${cohortIds.join(',')}}'::uuid[]) AND e.consent_withdrawn_at IS NULL AND e.evaluation_use) TO STDOUT`,
      ),
      m.query(`SELECT id, name FROM cohorts WHERE id = ANY($1::uuid[])`, [cohortIds]) as Promise<{ id: string; name: string }[]>,
    ]);
    const answers = new CohortAnswers(chunksToBytes(chunks), course, new Map(cohorts.map((c) => [c.id, c.name])));
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

  /** The answer vectors alone, for scans (here or in a worker thread). */
  get vectors(): AnswerVectors {
    if (!this.scan) {
      const data: AnswerVectorsData = {
        size: this.size,
        bytes: this.bytes,
        answersAt: this.answersAt,
        answersEnd: this.answersEnd,
        choicesAt: this.choicesAt,
        choicesEnd: this.choicesEnd,
        layout: this.version,
        layouts: this.versionIds.map((id) => this.layouts.get(id)),
        knowledgeItems: this.course.knowledgeTest.items.length,
        attitudeItems: this.course.attitudeInstrument.items.length,
      };
      this.scan = new AnswerVectors(data);
    }
    return this.scan;
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

/** COPY's output as one byte buffer in shared memory, without the newline after the last line. */
function chunksToBytes(chunks: Buffer[]): Buffer {
  let length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const last = chunks.at(-1);
  if (last && last[last.length - 1] === NEWLINE) length--;
  const bytes = Buffer.from(sharedArray(Uint8Array, length).buffer);
  let at = 0;
  for (const chunk of chunks) at += chunk.copy(bytes, at, 0, Math.min(chunk.length, length - at));
  return bytes;
}

/** The lines as one byte buffer, "\n" between them (their text is ASCII, so one byte per character). */
function linesToBytes(lines: string[]): Buffer {
  const bytes = Buffer.from(sharedArray(Uint8Array, lines.reduce((sum, line) => sum + line.length, 0) + Math.max(0, lines.length - 1)).buffer);
  let at = 0;
  lines.forEach((line, i) => {
    if (i > 0) bytes[at++] = NEWLINE;
    at += bytes.write(line, at, 'latin1');
  });
  return bytes;
}

