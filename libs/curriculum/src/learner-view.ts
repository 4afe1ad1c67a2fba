// What a learner's browser may see. Built field by field (never by spreading the source object) so that an answer
// key added to the schema later cannot leak by accident: no correct, feedback, reverse, points or next here.
import type {
  AttitudeInstrument,
  Course,
  KnowledgeTest,
  Lesson,
  LocalizedText,
  Locale,
  Question,
  QuestionType,
  Quiz,
  Scenario,
  ScenarioNode,
  Source,
} from './course-schema.js';
import { PRIVACY_RULES_SLOT } from './course-schema.js';
import { decodeHTML } from 'entities';
import { type MarkdownNode, markdownTree } from './markdown-tree.js';
import { orderOptions } from './option-order.js';

export const localize = (text: LocalizedText, locale: Locale): string => text[locale];

/** A course text in `locale`, parsed into the tree the learner's browser renders (cached per text and language). */
export const courseTextTree = (text: LocalizedText, locale: Locale): MarkdownNode[] => treeOf(text, locale, () => localize(text, locale));

// Course text is parsed once per text and language: a course version's content objects live as long as it is cached.
const trees = new WeakMap<object, Partial<Record<Locale, MarkdownNode[]>>>();
/** The Markdown of `owner` in `locale`, parsed into the tree the browser renders (see markdown-tree.ts). */
function treeOf(owner: object, locale: Locale, text: () => string): MarkdownNode[] {
  const byLocale = trees.get(owner) ?? {};
  trees.set(owner, byLocale);
  return (byLocale[locale] ??= markdownTree(text(), decodeHTML));
}

export interface LearnerOption {
  key: string;
  text: string;
}

export interface LearnerQuestion {
  key: string;
  type: QuestionType;
  prompt: string;
  options: LearnerOption[];
}

/** `seed`: the attempt's option order (see option-order.ts); null or absent = the order of the course file. */
export function toLearnerQuestion(question: Question, locale: Locale, seed?: number | null): LearnerQuestion {
  return {
    key: question.key,
    type: question.type,
    prompt: localize(question.prompt, locale),
    options: orderOptions(question.type, question.options, seed, question.key).map((option) => ({ key: option.key, text: localize(option.text, locale) })),
  };
}

export interface LearnerQuiz {
  key: string;
  passMark: number;
  maxAttempts: number;
  questions: LearnerQuestion[];
}

export function toLearnerQuiz(quiz: Quiz, locale: Locale, seed?: number | null): LearnerQuiz {
  return {
    key: quiz.key,
    passMark: quiz.passMark,
    maxAttempts: quiz.maxAttempts,
    questions: quiz.questions.map((question) => toLearnerQuestion(question, locale, seed)),
  };
}

export interface LearnerKnowledgeTest {
  key: string;
  title: string;
  instructions: string;
  items: LearnerQuestion[];
}

export function toLearnerKnowledgeTest(test: KnowledgeTest, locale: Locale, seed?: number | null): LearnerKnowledgeTest {
  return {
    key: test.key,
    title: localize(test.title, locale),
    instructions: localize(test.instructions, locale),
    items: test.items.map((item) => toLearnerQuestion(item, locale, seed)),
  };
}

export interface LearnerScalePoint {
  value: number;
  label: string;
}

export interface LearnerAttitudeInstrument {
  key: string;
  title: string;
  instructions: string;
  thenTestInstructions?: string;
  scale: LearnerScalePoint[];
  items: { key: string; text: string }[];
}

// Subscales and reverse keys stay on the server: seeing them invites answering "what the scale wants".
export function toLearnerAttitudeInstrument(instrument: AttitudeInstrument, locale: Locale): LearnerAttitudeInstrument {
  const view: LearnerAttitudeInstrument = {
    key: instrument.key,
    title: localize(instrument.title, locale),
    instructions: localize(instrument.instructions, locale),
    scale: instrument.scale.map((label, index) => ({ value: index + 1, label: localize(label, locale) })),
    items: instrument.items.map((item) => ({ key: item.key, text: localize(item.text, locale) })),
  };
  if (instrument.thenTestInstructions) view.thenTestInstructions = localize(instrument.thenTestInstructions, locale);
  return view;
}

export interface LearnerLesson {
  key: string;
  title: string;
  /** Markdown, parsed (markdown-tree.ts). */
  body: MarkdownNode[];
  sources: Source[];
  /** Show the three-commitment action plan fields at the end of this lesson. */
  actionPlan: boolean;
}

/** Lessons show their sources, including how sure we are and when they were last checked. */
export function toLearnerLesson(lesson: Lesson, locale: Locale): LearnerLesson {
  return {
    key: lesson.key,
    title: localize(lesson.title, locale),
    body: treeOf(lesson.body, locale, () => localize(lesson.body, locale)),
    actionPlan: lesson.actionPlan === true,
    sources: lesson.sources.map((source) => {
      const copy: Source = { citation: source.citation, reviewedOn: source.reviewedOn, certainty: source.certainty };
      if (source.url) copy.url = source.url;
      return copy;
    }),
  };
}

export type LearnerScenarioNode =
  | { key: string; kind: 'decision'; situation: string; choices: LearnerOption[] }
  | { key: string; kind: 'ending'; outcome: 'good' | 'mixed' | 'poor'; summary: string };

/** `seed`: the play-through's choice order (see option-order.ts); null or absent = the order of the course file. */
export function toLearnerScenarioNode(node: ScenarioNode, locale: Locale, seed?: number | null): LearnerScenarioNode {
  if (node.kind === 'ending') {
    return { key: node.key, kind: 'ending', outcome: node.outcome, summary: localize(node.summary, locale) };
  }
  return {
    key: node.key,
    kind: 'decision',
    situation: localize(node.situation, locale),
    choices: orderOptions('choice', node.choices, seed, node.key).map((choice) => ({ key: choice.key, text: localize(choice.text, locale) })),
  };
}

export interface LearnerScenarioIntro {
  key: string;
  title: string;
  audience: Scenario['audience'];
  intro: string;
  start: string;
}

/** The scenario's opening screen; nodes are served one at a time with toLearnerScenarioNode. */
export function toLearnerScenarioIntro(scenario: Scenario, locale: Locale): LearnerScenarioIntro {
  return {
    key: scenario.key,
    title: localize(scenario.title, locale),
    audience: scenario.audience,
    intro: localize(scenario.intro, locale),
    start: scenario.start,
  };
}

export interface CourseOutlineModule {
  key: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  objectives: string[];
  lessons: { key: string; title: string }[];
  quiz: { key: string; passMark: number; maxAttempts: number; questionCount: number };
  scenario: { key: string; title: string } | null;
}

export interface CourseOutline {
  key: string;
  title: string;
  description: string;
  hours: number;
  modules: CourseOutlineModule[];
  /** Every scenario, including those not tied to a module (the capstone offers them all). */
  scenarios: { key: string; title: string; audience: Scenario['audience'] }[];
  knowledgeTest: { key: string; title: string; itemCount: number };
  attitudeInstrument: { key: string; title: string; itemCount: number };
  /** `body`: the consent's Markdown with the privacy rules in place, parsed (markdown-tree.ts). */
  consent: { version: string; title: string; body: MarkdownNode[]; privacyRules: string; choices: { evaluation: string; courseOnly: string } };
}

/** The course map in unlock order (course.yaml's module list). */
export function toCourseOutline(course: Course, locale: Locale): CourseOutline {
  const modulesByKey = new Map(course.modules.map((module) => [module.key, module] as const));
  const scenariosByKey = new Map(course.scenarios.map((scenario) => [scenario.key, scenario] as const));
  const ordered = course.moduleOrder.map((key) => modulesByKey.get(key)).filter((module) => module !== undefined);
  return {
    key: course.key,
    title: localize(course.title, locale),
    description: localize(course.description, locale),
    hours: course.hours,
    modules: ordered.map((module) => {
      const scenario = module.scenario === undefined ? undefined : scenariosByKey.get(module.scenario);
      return {
        key: module.key,
        title: localize(module.title, locale),
        summary: localize(module.summary, locale),
        estimatedMinutes: module.estimatedMinutes,
        objectives: module.objectives.map((objective) => localize(objective, locale)),
        lessons: module.lessons.map((lesson) => ({ key: lesson.key, title: localize(lesson.title, locale) })),
        quiz: {
          key: module.quiz.key,
          passMark: module.quiz.passMark,
          maxAttempts: module.quiz.maxAttempts,
          questionCount: module.quiz.questions.length,
        },
        scenario: scenario ? { key: scenario.key, title: localize(scenario.title, locale) } : null,
      };
    }),
    scenarios: course.scenarios.map((scenario) => ({ key: scenario.key, title: localize(scenario.title, locale), audience: scenario.audience })),
    knowledgeTest: {
      key: course.knowledgeTest.key,
      title: localize(course.knowledgeTest.title, locale),
      itemCount: course.knowledgeTest.items.length,
    },
    attitudeInstrument: {
      key: course.attitudeInstrument.key,
      title: localize(course.attitudeInstrument.title, locale),
      itemCount: course.attitudeInstrument.items.length,
    },
    consent: {
      version: course.consent.version,
      title: localize(course.consent.title, locale),
      body: treeOf(course.consent, locale, () => consentBody(course.consent, locale)),
      privacyRules: localize(course.consent.privacyRules, locale),
      choices: { evaluation: localize(course.consent.choices.evaluation, locale), courseOnly: localize(course.consent.choices.courseOnly, locale) },
    },
  };
}

/** The consent text with its privacy rules in place: one statement of who sees what, never a paraphrase. */
export function consentBody(consent: Course['consent'], locale: Locale): string {
  return localize(consent.body, locale).replace(PRIVACY_RULES_SLOT, localize(consent.privacyRules, locale).trim());
}
