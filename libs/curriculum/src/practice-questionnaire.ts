// The behaviour follow-up as the learner sees it, the check of their answers, and the wording lint that keeps its
// questions neutral. Pure; the schema is in course-schema.ts (PracticeQuestionnaireSchema).
import type { Locale, PracticeQuestionnaire } from './course-schema.js';
import { localize } from './learner-view.js';
import { formatPath, type Problem } from './problems.js';

export interface LearnerPracticeQuestionnaire {
  key: string;
  title: string;
  instructions: string;
  recallMonths: number;
  /** Options in the file's order (a frequency scale is read in order; never shuffled). */
  items: { key: string; prompt: string; options: { key: string; text: string; notApplicable: boolean }[] }[];
}

// Which options count towards the report's share stays on the server: showing it invites the "expected" answer.
export function toLearnerPracticeQuestionnaire(q: PracticeQuestionnaire, locale: Locale): LearnerPracticeQuestionnaire {
  return {
    key: q.key,
    title: localize(q.title, locale),
    instructions: localize(q.instructions, locale),
    recallMonths: q.recallMonths,
    items: q.items.map((item) => ({
      key: item.key,
      prompt: localize(item.prompt, locale),
      options: item.options.map((o) => ({ key: o.key, text: localize(o.text, locale), notApplicable: o.notApplicable === true })),
    })),
  };
}

/** Answers: item key → one option key. Items may be left out (self-report: every question may be skipped). */
export function validatePracticeAnswers(q: PracticeQuestionnaire, answers: unknown): Problem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [{ path: 'practice', message: 'practice must be an object mapping item keys to one option key each' }];
  }
  const items = new Map(q.items.map((item) => [item.key, new Set(item.options.map((o) => o.key))] as const));
  const problems: Problem[] = [];
  for (const [itemKey, value] of Object.entries(answers)) {
    const at = formatPath(['practice', itemKey]);
    const options = items.get(itemKey);
    if (!Object.hasOwn(answers, itemKey) || !options) problems.push({ path: at, message: `"${itemKey}" is not a question of this questionnaire` });
    else if (typeof value !== 'string' || !options.has(value)) problems.push({ path: at, message: `must be one of: ${[...options].join(', ')}` });
  }
  return problems;
}

/**
 * Words that lead a self-report towards the "right" answer or judge the respondent ("correctamente", "como
 * corresponde", "properly"…). A behaviour question asks what happened, in plain terms.
 */
const LEADING = {
  es: /(?<!\p{L})(correctamente|debidamente|adecuadamente|como corresponde|como debe|como debía|como exige|obligación|¿no es cierto|¿verdad\?|por supuesto)/iu,
  en: /\b(correctly|properly|appropriately|as required|as you should|as you must|obligation|isn't it true|didn't you|of course)\b/i,
} as const;

export interface WordingProblem {
  itemKey: string;
  locale: Locale;
  match: string;
}

/** Prompts and options that use leading or judging words, per language. */
export function leadingWording(q: PracticeQuestionnaire): WordingProblem[] {
  const found: WordingProblem[] = [];
  for (const item of q.items) {
    for (const locale of ['es', 'en'] as const) {
      for (const text of [item.prompt[locale], ...item.options.map((o) => o.text[locale])]) {
        const match = LEADING[locale].exec(text);
        if (match) found.push({ itemKey: item.key, locale, match: match[0] });
      }
    }
  }
  return found;
}
