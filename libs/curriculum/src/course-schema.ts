// The course-as-data contract (see ../FORMAT.md). Shape rules live here; rules that need the whole course
// (references between files, scenario graphs, lesson length, sources) live in course-rules.ts.
import { z } from 'zod';

export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Keys are stored with every response, so they must be boring and stable: lowercase letters, digits, "." and "-".
export const KEY_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

// YAML turns an unquoted `key: true` into a boolean; trueFalse options are documented as "true"/"false",
// so accept both spellings rather than failing on a missing pair of quotes.
export const KeySchema = z.preprocess(
  (value) => (typeof value === 'boolean' || typeof value === 'number' ? String(value) : value),
  z.string().regex(KEY_PATTERN, {
    error: (issue) => `keys use only lowercase letters, digits, "." and "-" (got ${JSON.stringify(issue.input)})`,
  }),
);

export const NonEmptyTextSchema = z.string().trim().min(1, { error: 'must not be empty' });
const NonEmptyText = NonEmptyTextSchema;

export const LocalizedTextSchema = z.strictObject({ es: NonEmptyText, en: NonEmptyText });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

// A YAML 1.1 parser would hand us a Date for 2026-11-01; normalise it so the stored value is always a string.
const IsoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-11-01' }),
);

// A publication date may be known only to the month or the year (YYYY-MM, YYYY). The schema accepts those forms;
// source-rules.ts allows them only on an uncertain source whose notKnown names the missing day or month. An unquoted
// `2025` arrives from YAML as a number, so it is read as its digits.
const PUBLICATION_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;
const PublicationDate = z.preprocess(
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z.union([IsoDate, z.string().regex(PUBLICATION_DATE)], {
    error: 'must be a date written YYYY-MM-DD (or, for an uncertain source, YYYY-MM or YYYY), e.g. 2019-06-18',
  }),
);

/** A norm located by its number and the date it was published (El Peruano, the OAS or UN treaty record…). */
export const NormSchema = z.strictObject({
  number: NonEmptyText,
  publishedOn: PublicationDate,
});
export type Norm = z.infer<typeof NormSchema>;

// Every legal or statistical source carries a locator (an official `url`, or `norm` for a legal text); the rule that
// requires it is in source-rules.ts. All new fields are optional so sources written before it still parse.
export const SourceSchema = z.strictObject({
  citation: NonEmptyText,
  /** Declares the source legal or statistical; a citation that names a law, code, court… counts as legal anyway. */
  kind: z.enum(['legal', 'statistical']).optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  norm: NormSchema.optional(),
  /** When this source was itself checked (not a date stamped on every source at once). */
  reviewedOn: IsoDate,
  certainty: z.enum(['firm', 'uncertain']),
  /** Required when certainty is uncertain: what is not known, so nobody reads the claim as settled. */
  notKnown: NonEmptyText.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const OptionSchema = z.strictObject({
  key: KeySchema,
  text: LocalizedTextSchema,
  correct: z.boolean(),
  feedback: LocalizedTextSchema,
});
export type Option = z.infer<typeof OptionSchema>;

export const QUESTION_TYPES = ['single', 'multiple', 'trueFalse'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const questionShape = {
  key: KeySchema,
  type: z.enum(QUESTION_TYPES),
  prompt: LocalizedTextSchema,
  options: z.array(OptionSchema).min(2),
};

type QuestionLike = { type: QuestionType; options: Option[] };

// Per-type answer-key rules: a question the server cannot grade unambiguously must never be published.
function refineQuestion(question: QuestionLike, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  question.options.forEach((option, index) => {
    if (seen.has(option.key)) {
      ctx.addIssue({ code: 'custom', path: ['options', index, 'key'], message: `option key "${option.key}" is used twice in this question` });
    }
    seen.add(option.key);
  });
  const correctCount = question.options.filter((option) => option.correct).length;
  if (question.type === 'multiple') {
    if (correctCount < 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-choice question needs at least one correct option; none is marked correct' });
    }
    return;
  }
  if (correctCount !== 1) {
    const kind = question.type === 'single' ? 'a single-choice' : 'a true/false';
    ctx.addIssue({ code: 'custom', path: ['options'], message: `${kind} question needs exactly one correct option; ${correctCount} are marked correct` });
  }
  if (question.type === 'trueFalse') {
    const keys = question.options.map((option) => option.key).sort();
    if (keys.length !== 2 || keys[0] !== 'false' || keys[1] !== 'true') {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a true/false question has exactly two options keyed "true" and "false" (got ${keys.map((k) => `"${k}"`).join(', ')})` });
    }
  }
}

export const QuestionSchema = z.strictObject(questionShape).superRefine(refineQuestion);
export type Question = z.infer<typeof QuestionSchema>;

export const LessonSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  body: LocalizedTextSchema,
  sources: z.array(SourceSchema).optional().default([]),
  /** The lesson ends with the learner's private action plan (three commitments); at most one lesson per course. */
  actionPlan: z.boolean().optional(),
});
export type Lesson = z.infer<typeof LessonSchema>;

export const QuizSchema = z.strictObject({
  key: KeySchema,
  passMark: z.number().gt(0, { error: 'must be above 0 (it is the share of questions answered correctly)' }).lte(1, {
    error: 'must be at most 1 (it is a share, e.g. 0.8, not a percentage)',
  }),
  maxAttempts: z.number().int().min(1),
  questions: z.array(QuestionSchema).min(5),
});
export type Quiz = z.infer<typeof QuizSchema>;

export const ModuleSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  estimatedMinutes: z.number().int().positive(),
  objectives: z.array(LocalizedTextSchema).min(2).max(5),
  scenario: KeySchema.optional(),
  lessons: z.array(LessonSchema).min(2).max(4),
  quiz: QuizSchema,
});
export type Module = z.infer<typeof ModuleSchema>;

export const KnowledgeItemSchema = z.strictObject({ ...questionShape, module: KeySchema }).superRefine(refineQuestion);
export type KnowledgeItem = z.infer<typeof KnowledgeItemSchema>;

export const KnowledgeTestSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  instructions: LocalizedTextSchema,
  items: z.array(KnowledgeItemSchema).min(15).max(25),
});
export type KnowledgeTest = z.infer<typeof KnowledgeTestSchema>;

export const SubscaleSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});
export type Subscale = z.infer<typeof SubscaleSchema>;

export const AttitudeItemSchema = z.strictObject({
  key: KeySchema,
  subscale: KeySchema,
  reverse: z.boolean(),
  text: LocalizedTextSchema,
});
export type AttitudeItem = z.infer<typeof AttitudeItemSchema>;

/** The instrument without its items (the content editor checks the header and each item on their own). */
export const AttitudeInstrumentHeaderSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  instructions: LocalizedTextSchema,
  thenTestInstructions: LocalizedTextSchema.optional(),
  scale: z.array(LocalizedTextSchema).length(5),
  subscales: z.array(SubscaleSchema).min(4),
});

export const AttitudeInstrumentSchema = AttitudeInstrumentHeaderSchema
  .extend({ items: z.array(AttitudeItemSchema).min(24) })
  .superRefine((instrument, ctx) => {
    // Subscale scores are means of their items, so every item needs a real subscale and every subscale items.
    const subscaleKeys = new Set<string>();
    instrument.subscales.forEach((subscale, index) => {
      if (subscaleKeys.has(subscale.key)) {
        ctx.addIssue({ code: 'custom', path: ['subscales', index, 'key'], message: `subscale key "${subscale.key}" is used twice` });
      }
      subscaleKeys.add(subscale.key);
    });
    const used = new Set<string>();
    instrument.items.forEach((item, index) => {
      used.add(item.subscale);
      if (!subscaleKeys.has(item.subscale)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'subscale'],
          message: `subscale "${item.subscale}" is not one of the instrument's subscales (${[...subscaleKeys].join(', ')})`,
        });
      }
    });
    instrument.subscales.forEach((subscale, index) => {
      if (!used.has(subscale.key)) {
        ctx.addIssue({ code: 'custom', path: ['subscales', index], message: `subscale "${subscale.key}" has no items` });
      }
    });
  });
export type AttitudeInstrument = z.infer<typeof AttitudeInstrumentSchema>;

export const ScenarioChoiceSchema = z.strictObject({
  key: KeySchema,
  text: LocalizedTextSchema,
  feedback: LocalizedTextSchema,
  points: z.number().int().min(0).max(2, { error: 'points go from 0 (harmful) to 2 (rights-respecting)' }),
  /** A critical error: harm the rest of the path cannot undo; the ending then follows from it, whatever the score. */
  critical: z.boolean().optional(),
  /** The next decision; absent: the case ends after this choice and its ending follows from the whole path. */
  next: KeySchema.optional(),
});
export type ScenarioChoice = z.infer<typeof ScenarioChoiceSchema>;

export const DecisionNodeSchema = z
  .strictObject({
    key: KeySchema,
    kind: z.literal('decision'),
    situation: LocalizedTextSchema,
    choices: z.array(ScenarioChoiceSchema).min(2).max(4),
  })
  .superRefine((node, ctx) => {
    const seen = new Set<string>();
    node.choices.forEach((choice, index) => {
      if (seen.has(choice.key)) {
        ctx.addIssue({ code: 'custom', path: ['choices', index, 'key'], message: `choice key "${choice.key}" is used twice in this node` });
      }
      seen.add(choice.key);
    });
  });
export type DecisionNode = z.infer<typeof DecisionNodeSchema>;

export const EndingNodeSchema = z.strictObject({
  key: KeySchema,
  kind: z.literal('ending'),
  outcome: z.enum(['good', 'mixed', 'poor']),
  summary: LocalizedTextSchema,
});
export type EndingNode = z.infer<typeof EndingNodeSchema>;

// An ending chosen from the whole path (see scenario-endings.ts): every condition given must hold, and every path
// that can be played must match exactly one ending — so an ending text never claims what the learner did not do.
export const EndingConditionSchema = z
  .strictObject({
    /** true: at least one critical error on the path; false: none. */
    critical: z.boolean().optional(),
    /** Score as a percentage of the best possible score: at least this (inclusive)… */
    minPercent: z.number().min(0).max(100).optional(),
    /** …and below this (exclusive). */
    belowPercent: z.number().min(0).max(100).optional(),
  })
  .refine((when) => when.minPercent === undefined || when.belowPercent === undefined || when.minPercent < when.belowPercent, {
    error: 'minPercent must be below belowPercent',
  });
export type EndingCondition = z.infer<typeof EndingConditionSchema>;

export const PathEndingSchema = z.strictObject({
  key: KeySchema,
  outcome: z.enum(['good', 'mixed', 'poor']),
  when: EndingConditionSchema,
  summary: LocalizedTextSchema,
});
export type PathEnding = z.infer<typeof PathEndingSchema>;

export const ScenarioNodeSchema = z.discriminatedUnion('kind', [DecisionNodeSchema, EndingNodeSchema]);
export type ScenarioNode = z.infer<typeof ScenarioNodeSchema>;

export const ScenarioSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  audience: z.enum(['police', 'municipal', 'all']),
  intro: LocalizedTextSchema,
  start: KeySchema,
  /** Decisions (and, in older versions, fixed ending nodes that a choice's `next` leads to). */
  nodes: z.array(ScenarioNodeSchema).min(1),
  /** Endings chosen from the path, for choices that end the case (no `next`). */
  endings: z.array(PathEndingSchema).optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/**
 * The behaviour follow-up (Kirkpatrick level 3): what the learner did at work in the last `recallMonths`, asked at
 * follow-up. Self-report, never graded: options carry no right answer, only which ones count towards the item's
 * headline share (`indicator`) and which one means "no aplica / no recibí casos" (left out of the denominator).
 */
export const PracticeOptionSchema = z.strictObject({
  key: KeySchema,
  text: LocalizedTextSchema,
  notApplicable: z.boolean().optional(),
});
export type PracticeOption = z.infer<typeof PracticeOptionSchema>;

export const PracticeItemSchema = z
  .strictObject({
    key: KeySchema,
    /** Short name of the practice for reports and the codebook, e.g. "Registró el nombre social". */
    label: LocalizedTextSchema,
    prompt: LocalizedTextSchema,
    /** The question presumes a case (a complaint, an operation): it must offer a "no aplica" option. */
    presumesCase: z.boolean(),
    options: z.array(PracticeOptionSchema).min(3).max(7),
    /** Keys of the options that count as "did it" in the headline share; never the "no aplica" option. */
    indicator: z.array(KeySchema).min(1),
    /** How the headline share reads, e.g. "en todos o casi todos los casos". */
    indicatorLabel: LocalizedTextSchema,
  })
  .superRefine((item, ctx) => {
    const keys = item.options.map((o) => o.key);
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) ctx.addIssue({ code: 'custom', path: ['options', i, 'key'], message: `option key "${key}" is used twice in this item` });
    });
    const na = item.options.flatMap((o, i) => (o.notApplicable ? [i] : []));
    if (na.length > 1) ctx.addIssue({ code: 'custom', path: ['options'], message: 'at most one option may be notApplicable' });
    if (na.length === 1 && na[0] !== item.options.length - 1) {
      ctx.addIssue({ code: 'custom', path: ['options', na[0]!], message: 'the notApplicable option comes last (it is not a point on the scale)' });
    }
    if (item.presumesCase && na.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'this item presumes a case (presumesCase: true): add a "no aplica / no recibí casos" option with notApplicable: true' });
    }
    const applicable = item.options.filter((o) => !o.notApplicable).map((o) => o.key);
    item.indicator.forEach((key, i) => {
      if (!applicable.includes(key)) {
        ctx.addIssue({ code: 'custom', path: ['indicator', i], message: `indicator "${key}" must be one of the item's applicable options (${applicable.join(', ')})` });
      }
    });
    if (applicable.every((key) => item.indicator.includes(key))) {
      ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'the indicator cannot hold every applicable option: its share would always be 100 %' });
    }
  });
export type PracticeItem = z.infer<typeof PracticeItemSchema>;

export const PracticeQuestionnaireSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  instructions: LocalizedTextSchema,
  /** The recall period every item asks about ("en los últimos 3 meses"). */
  recallMonths: z.number().int().min(1).max(12),
  items: z.array(PracticeItemSchema).min(3).max(15),
});
export type PracticeQuestionnaire = z.infer<typeof PracticeQuestionnaireSchema>;

/**
 * The informed consent. `version` names this text (stored with each learner's choice); `privacyRules` is the one
 * statement of who sees what, shown in the consent, the trainer report's privacy note and the export codebook alike;
 * `choices` label the two answers: with evaluation use, or course only.
 */
export const PRIVACY_RULES_SLOT = '{{privacyRules}}';
export const ConsentSchema = z.strictObject({
  version: z.string().regex(/^[0-9A-Za-z.-]{1,32}$/),
  title: LocalizedTextSchema,
  body: LocalizedTextSchema.refine((body) => Object.values(body).every((text) => text.includes(PRIVACY_RULES_SLOT)), {
    message: `the consent body must show the privacy rules word for word: put ${PRIVACY_RULES_SLOT} where they go`,
  }),
  privacyRules: LocalizedTextSchema,
  choices: z.strictObject({ evaluation: LocalizedTextSchema, courseOnly: LocalizedTextSchema }),
});
export type Consent = z.infer<typeof ConsentSchema>;

const courseHeaderShape = {
  key: KeySchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  hours: z.number().positive(),
  /** What changed in this version and why (Markdown), for admins and trainers; optional. */
  changeNote: LocalizedTextSchema.optional(),
  consent: ConsentSchema,
};

// course.yaml on its own: `modules` there is the ordered list of module keys.
export const CourseFileSchema = z.strictObject({ ...courseHeaderShape, modules: z.array(KeySchema).min(1) });
export type CourseFile = z.infer<typeof CourseFileSchema>;

// The assembled course. course.yaml's `modules` list becomes `moduleOrder` so that `modules` can hold the modules.
export const CourseSchema = z.strictObject({
  ...courseHeaderShape,
  moduleOrder: z.array(KeySchema).min(1),
  modules: z.array(ModuleSchema).min(1),
  knowledgeTest: KnowledgeTestSchema,
  attitudeInstrument: AttitudeInstrumentSchema,
  /** Optional: course versions published before it existed have none. */
  practiceQuestionnaire: PracticeQuestionnaireSchema.optional(),
  scenarios: z.array(ScenarioSchema),
});
export type Course = z.infer<typeof CourseSchema>;
