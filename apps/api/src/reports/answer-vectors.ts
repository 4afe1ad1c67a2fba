import type { Course } from '#curriculum';
import { FOREIGN_OPTION_BIT } from '#evaluation';

export const WAVES = ['pre', 'post', 'then', 'followup'] as const;
export type Wave = (typeof WAVES)[number];
export type AssessmentKind = 'knowledge' | 'attitude';

/** Marks an unanswered item in decoded answers (answers are 0/1 or 1–5). */
export const UNANSWERED = -1;

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

/**
 * The learners' answer vectors as bytes and offsets, nothing else (no names, no strings): the part of CohortAnswers
 * a scan reads. Plain typed arrays over SharedArrayBuffers, so a worker thread reads the same memory without a copy.
 */
export interface AnswerVectorsData {
  size: number;
  bytes: Uint8Array;
  /** Per learner: where the answers ("kind:wave:score:digits|…") and choices ("wave:mask,mask,-,…|…") start and end. */
  answersAt: Uint32Array;
  answersEnd: Uint32Array;
  choicesAt: Uint32Array;
  choicesEnd: Uint32Array;
  /** Per learner: index into `layouts` (the version they answered), -1 when none. */
  layout: Int16Array;
  /** Per version: where its vectors' positions land in the report course; undefined = not read for this report. */
  layouts: (VectorLayout | undefined)[];
  knowledgeItems: number;
  attitudeItems: number;
}

/** A typed array over a SharedArrayBuffer (zeroed), readable by worker threads without a copy. */
export function sharedArray<T extends Uint8Array | Int16Array | Uint32Array | Float64Array>(
  Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/** Reads the answer vectors of learners [from, to): the same parse on the main thread and in a worker. */
export class AnswerVectors {
  constructor(readonly data: AnswerVectorsData) {}

  forEachAttempt(visit: AttemptVisitor, from = 0, to = this.data.size): void {
    const { bytes, answersAt, answersEnd, layout: layoutCode, layouts } = this.data;
    const scratch = { knowledge: new Int8Array(this.data.knowledgeItems), attitude: new Int8Array(this.data.attitudeItems) };
    for (let learner = from; learner < to; learner++) {
      // No layout: a subset's learner who answered a version the report did not read (counted next time).
      const layout = layouts[layoutCode[learner]!];
      if (!layout) continue;
      // Parsed by position (no split): "kind:wave:score:digits|…".
      let at = answersAt[learner]!;
      const last = answersEnd[learner]!;
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
   * The options each learner chose in the knowledge tests (for distractor analysis). `masks` is a scratch buffer
   * valid only during the call.
   */
  forEachKnowledgeChoice(visit: ChoiceVisitor, from = 0, to = this.data.size): void {
    const { bytes, choicesAt, choicesEnd, layout: layoutCode, layouts } = this.data;
    const masks = new Int32Array(this.data.knowledgeItems);
    for (let learner = from; learner < to; learner++) {
      const layout = layouts[layoutCode[learner]!];
      if (!layout) continue;
      // Parsed by position: "wave:mask,mask,-,…|…".
      let at = choicesAt[learner]!;
      const last = choicesEnd[learner]!;
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
            if (answered && target !== undefined && target >= 0) masks[target] = reportMask(layout, p, mask);
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
export function find(bytes: Uint8Array, byte: number, from: number, to: number): number {
  let at = from;
  while (at < to && bytes[at] !== byte) at++;
  return at;
}

/** A score as numeric text ("64", "64.0", "33.33…"): whole numbers read directly, anything else by Number(). */
function parseScore(bytes: Uint8Array, from: number, to: number): number {
  let whole = 0;
  let at = from;
  for (; at < to && bytes[at] !== DOT; at++) whole = whole * 10 + (bytes[at]! - ZERO);
  for (let f = at + 1; f < to; f++) if (bytes[f] !== ZERO) return Number(String.fromCharCode(...bytes.subarray(from, to)));
  return whole;
}

const COMMA = 44;
const COLON = 58;
const DOT = 46;
const BAR = 124;
const ZERO = 48;
const K = 107;

/**
 * Where each position of a version's vectors lands in the report course's item order (-1: not in the report), and
 * its knowledge options' bits in the report items' option order. Plain data: it travels to worker threads.
 */
export interface VectorLayout {
  knowledge: Int16Array;
  attitude: Int16Array;
  /** Per version item p, per option: the report item's bit for it (FOREIGN_OPTION_BIT when the report's item lacks it). */
  optionBits: Int32Array[];
  /** Per version item p: 1 when its options are the report item's, in the same order (the mask passes unchanged). */
  sameOptions: Uint8Array;
  /** Per version item p: the bits that were ever options (any other bit of a stored mask is dropped). */
  validBits: Int32Array;
}

export function vectorLayout(version: Course, report: Course): VectorLayout {
  const indexIn = (keys: string[]) => new Map(keys.map((k, i) => [k, i]));
  const knowledge = indexIn(report.knowledgeTest.items.map((i) => i.key));
  const attitude = indexIn(report.attitudeInstrument.items.map((i) => i.key));
  const reportOptions = new Map(report.knowledgeTest.items.map((item) => [item.key, new Map(item.options.map((o, bit) => [o.key, bit]))]));
  const optionBits = version.knowledgeTest.items.map((item) => {
    const target = reportOptions.get(item.key);
    return Int32Array.from(item.options, (o) => {
      const bit = target?.get(o.key);
      return bit === undefined ? FOREIGN_OPTION_BIT : 1 << bit;
    });
  });
  return {
    knowledge: Int16Array.from(version.knowledgeTest.items, (i) => knowledge.get(i.key) ?? -1),
    attitude: Int16Array.from(version.attitudeInstrument.items, (i) => attitude.get(i.key) ?? -1),
    optionBits,
    sameOptions: Uint8Array.from(optionBits, (b) => (b.every((value, i) => value === 1 << i) ? 1 : 0)),
    validBits: Int32Array.from(optionBits, (b) => (1 << b.length) - 1),
  };
}

/** A knowledge answer's bitmask over the version item p's options, as a bitmask over the report item's options. */
function reportMask(layout: VectorLayout, p: number, mask: number): number {
  if (layout.sameOptions[p]) return mask & layout.validBits[p]!;
  const bits = layout.optionBits[p]!;
  let out = 0;
  for (let bit = 0; bit < bits.length; bit++) if (mask & (1 << bit)) out |= bits[bit]!;
  return out;
}
