// The pieces of a course an editor opens one at a time. Each has a kind and a key that never changes, so revisions,
// translation timestamps, diffs and links to problems all name the same thing. Pure: the API and the browser share it.
import type { AttitudeInstrument, Course, KnowledgeItem, Lesson, LocalizedText, Module, Question, Scenario } from './course-schema.js';

export const ITEM_KINDS = ['module', 'lesson', 'question', 'knowledge-item', 'instrument', 'attitude-item', 'scenario'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A module without its lessons and quiz: titles, summary, objectives, time, scenario. */
export type ModuleHeader = Omit<Module, 'lessons' | 'quiz'>;
/** The attitude instrument without its items: titles, instructions, then-test wording, scale labels, subscales. */
export type InstrumentHeader = Omit<AttitudeInstrument, 'items'>;

export interface ItemValues {
  module: ModuleHeader;
  lesson: Lesson;
  question: Question;
  'knowledge-item': KnowledgeItem;
  instrument: InstrumentHeader;
  'attitude-item': AttitudeInstrument['items'][number];
  scenario: Scenario;
}
export type ItemValue = ItemValues[ItemKind];

export interface DraftItem<K extends ItemKind = ItemKind> {
  kind: K;
  key: string;
  /** `kind:key`, the id revisions and translation timestamps are stored under. */
  id: string;
  /** What a list shows: a title, a prompt or a statement. */
  label: LocalizedText;
  /** The module it belongs to (lessons, quiz questions; knowledge items name the module they test). */
  moduleKey?: string;
  value: ItemValues[K];
}

export const itemId = (kind: ItemKind, key: string): string => `${kind}:${key}`;

export function parseItemId(id: string): { kind: ItemKind; key: string } | null {
  const at = id.indexOf(':');
  const kind = id.slice(0, at) as ItemKind;
  return at > 0 && (ITEM_KINDS as readonly string[]).includes(kind) ? { kind, key: id.slice(at + 1) } : null;
}

const item = <K extends ItemKind>(kind: K, key: string, label: LocalizedText, value: ItemValues[K], moduleKey?: string): DraftItem<K> =>
  ({ kind, key, id: itemId(kind, key), label, value, ...(moduleKey === undefined ? {} : { moduleKey }) });

function moduleHeader(module: Module): ModuleHeader {
  const { lessons: _lessons, quiz: _quiz, ...header } = module;
  return header;
}

function instrumentHeader(instrument: AttitudeInstrument): InstrumentHeader {
  const { items: _items, ...header } = instrument;
  return header;
}

/** Every editable item of a course, in reading order (modules with their lessons and quiz, then assessments, scenarios). */
export function draftItems(course: Course): DraftItem[] {
  const items: DraftItem[] = [];
  for (const module of course.modules) {
    items.push(item('module', module.key, module.title, moduleHeader(module)));
    for (const lesson of module.lessons) items.push(item('lesson', lesson.key, lesson.title, lesson, module.key));
    for (const question of module.quiz.questions) items.push(item('question', question.key, question.prompt, question, module.key));
  }
  for (const knowledge of course.knowledgeTest.items) items.push(item('knowledge-item', knowledge.key, knowledge.prompt, knowledge, knowledge.module));
  const instrument = course.attitudeInstrument;
  items.push(item('instrument', instrument.key, instrument.title, instrumentHeader(instrument)));
  for (const statement of instrument.items) items.push(item('attitude-item', statement.key, statement.text, statement));
  for (const scenario of course.scenarios) items.push(item('scenario', scenario.key, scenario.title, scenario));
  return items;
}

export function findItem<K extends ItemKind>(course: Course, kind: K, key: string): DraftItem<K> | undefined {
  return draftItems(course).find((candidate): candidate is DraftItem<K> => candidate.kind === kind && candidate.key === key);
}

/**
 * Puts `value` in place of the item `kind:key` inside `course` (mutated; pass a copy). Returns false when the course
 * has no such item. Headers keep their module's lessons and quiz, or the instrument's items.
 */
export function replaceItem(course: Course, kind: ItemKind, key: string, value: ItemValue): boolean {
  const swap = <T extends { key: string }>(list: T[], next: T): boolean => {
    const index = list.findIndex((entry) => entry.key === key);
    if (index === -1) return false;
    list[index] = next;
    return true;
  };
  switch (kind) {
    case 'module': {
      const index = course.modules.findIndex((module) => module.key === key);
      if (index === -1) return false;
      const { lessons, quiz } = course.modules[index]!;
      course.modules[index] = { ...(value as ModuleHeader), lessons, quiz };
      return true;
    }
    case 'lesson':
      return course.modules.some((module) => swap(module.lessons, value as Lesson));
    case 'question':
      return course.modules.some((module) => swap(module.quiz.questions, value as Question));
    case 'knowledge-item':
      return swap(course.knowledgeTest.items, value as KnowledgeItem);
    case 'instrument':
      if (course.attitudeInstrument.key !== key) return false;
      course.attitudeInstrument = { ...(value as InstrumentHeader), items: course.attitudeInstrument.items };
      return true;
    case 'attitude-item':
      return swap(course.attitudeInstrument.items, value as ItemValues['attitude-item']);
    case 'scenario':
      return swap(course.scenarios, value as Scenario);
  }
}

/** Where a problem path from the validator points: the item to open and the field inside it (e.g. `body.es`). */
export interface ProblemPlace {
  kind: ItemKind;
  key: string;
  field: string;
}

const INDEXED = /^(\w+)\[(\d+)\]\.?/;

/** Maps a validator path such as `modules[2].lessons[0].body.es` to the item an editor opens to fix it. */
export function locateProblem(course: Course, path: string): ProblemPlace | null {
  const take = (rest: string): { name: string; index: number; rest: string } | null => {
    const match = INDEXED.exec(rest);
    return match ? { name: match[1]!, index: Number(match[2]), rest: rest.slice(match[0].length) } : null;
  };
  const top = take(path);
  if (top?.name === 'modules') {
    const module = course.modules[top.index];
    if (!module) return null;
    const inner = take(top.rest);
    if (inner?.name === 'lessons' && module.lessons[inner.index]) return { kind: 'lesson', key: module.lessons[inner.index]!.key, field: inner.rest };
    if (top.rest.startsWith('quiz.')) {
      const question = take(top.rest.slice('quiz.'.length));
      if (question?.name === 'questions' && module.quiz.questions[question.index]) {
        return { kind: 'question', key: module.quiz.questions[question.index]!.key, field: question.rest };
      }
    }
    return { kind: 'module', key: module.key, field: top.rest };
  }
  if (top?.name === 'scenarios') {
    const scenario = course.scenarios[top.index];
    return scenario ? { kind: 'scenario', key: scenario.key, field: top.rest } : null;
  }
  const dotted = /^(knowledgeTest|attitudeInstrument)\.?(.*)$/.exec(path);
  if (dotted) {
    const inner = take(dotted[2]!);
    if (dotted[1] === 'knowledgeTest') {
      const entry = inner?.name === 'items' ? course.knowledgeTest.items[inner.index] : undefined;
      return entry ? { kind: 'knowledge-item', key: entry.key, field: inner!.rest } : null;
    }
    const statement = inner?.name === 'items' ? course.attitudeInstrument.items[inner.index] : undefined;
    if (statement) return { kind: 'attitude-item', key: statement.key, field: inner!.rest };
    return { kind: 'instrument', key: course.attitudeInstrument.key, field: dotted[2]! };
  }
  return null;
}
