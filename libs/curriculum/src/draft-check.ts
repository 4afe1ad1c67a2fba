// What a draft must be to be saved: well-formed, not finished. An editor autosaves while writing, so a draft may hold
// an untranslated text (one language still empty), a lesson below its word count, an unreachable scenario node or a
// legal source without a locator; publishing refuses all of those (publication-rules.ts). What it may not hold is a
// malformed item: a wrong type, an unknown field, a missing answer key — the schema's rules apply in full.
import { z } from 'zod';
import {
  AttitudeInstrumentHeaderSchema,
  AttitudeItemSchema,
  CourseSchema,
  KnowledgeItemSchema,
  LessonSchema,
  ModuleSchema,
  QuestionSchema,
  ScenarioSchema,
  type Course,
} from './course-schema.js';
import type { ItemKind, ItemValue } from './draft-items.js';
import { isLocalizedText } from './localized-texts.js';
import { friendlyErrorMap, zodIssuesToProblems, type Problem } from './problems.js';

export const ITEM_SCHEMAS: Record<ItemKind, z.ZodType> = {
  module: ModuleSchema.omit({ lessons: true, quiz: true }),
  lesson: LessonSchema,
  question: QuestionSchema,
  'knowledge-item': KnowledgeItemSchema,
  instrument: AttitudeInstrumentHeaderSchema,
  'attitude-item': AttitudeItemSchema,
  scenario: ScenarioSchema,
};

type Segment = string | number;
const PLACEHOLDER = '\u00b7';

/** Replaces blank languages of localized texts by a placeholder, remembering where, so the schema can check the rest. */
export function fillBlanks(value: unknown): { filled: unknown; blanks: Segment[][] } {
  const blanks: Segment[][] = [];
  const walk = (node: unknown, path: Segment[]): unknown => {
    if (isLocalizedText(node)) {
      const copy = { ...node };
      for (const locale of ['es', 'en'] as const) {
        if (copy[locale].trim() === '') {
          copy[locale] = PLACEHOLDER;
          blanks.push([...path, locale]);
        }
      }
      return copy;
    }
    if (Array.isArray(node)) return node.map((entry, index) => walk(entry, [...path, index]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([name, inner]) => [name, walk(inner, [...path, name])]));
    }
    return node;
  };
  return { filled: walk(value, []), blanks };
}

function restoreBlanks(value: unknown, blanks: Segment[][]): unknown {
  for (const path of blanks) {
    let node = value as Record<Segment, unknown>;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<Segment, unknown>;
    node[path[path.length - 1]!] = '';
  }
  return value;
}

export type DraftCheck<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function checkWith<T>(schema: z.ZodType, value: unknown): DraftCheck<T> {
  const { filled, blanks } = fillBlanks(value);
  const result = schema.safeParse(filled, { error: friendlyErrorMap });
  if (!result.success) return { ok: false, problems: zodIssuesToProblems(result.error.issues) };
  return { ok: true, value: restoreBlanks(result.data, blanks) as T };
}

/** Checks one edited item for saving in a draft; the value returned is what to store (normalised by the schema). */
export const checkDraftItem = (kind: ItemKind, value: unknown): DraftCheck<ItemValue> => checkWith(ITEM_SCHEMAS[kind], value);

/** Checks a whole course (an import or a full replacement) for saving as a draft. */
export const checkDraftCourse = (value: unknown): DraftCheck<Course> => checkWith(CourseSchema, value);
