// Answer-cue lint: measures that tell whether an assessment can be passed by test-wiseness instead of knowledge.
// Pure functions over course data; the thresholds live here, the assertions on the real course in
// content-quality.spec.ts. Each function returns the figure and the offenders, so a failing test can print them.
import type { Locale, Option, Question, QuestionType, Scenario } from './course-schema.js';

/** The correct option may be the longest (strictly or tied) in at most this share of single-answer items. */
export const MAX_LONGEST_CORRECT_SHARE = 0.4;
/** At most this share of true/false items may share one key. */
export const MAX_TRUE_FALSE_KEY_SHARE = 0.6;
/** A knowledge-test stem this similar to a quiz stem (token-set Jaccard) is a near-copy. */
export const NEAR_COPY_JACCARD = 0.5;
/** The best scenario choice may be the longest (strictly or tied) in at most this share of decisions. */
export const MAX_LONGEST_BEST_CHOICE_SHARE = 0.4;

/** Anything with a key, a type and options: quiz questions and knowledge-test items alike. */
export interface LintQuestion {
  key: string;
  type: QuestionType;
  prompt: Question['prompt'];
  options: Option[];
}

export interface ShareResult {
  /** Items the measure applies to. */
  total: number;
  /** Items that show the cue. */
  count: number;
  /** count / total (0 when there are no items). */
  share: number;
  /** Keys of the items that show the cue. */
  offenders: string[];
}

const shareOf = (count: number, total: number): number => (total === 0 ? 0 : count / total);

/** Length as a reader sees it: trimmed, with runs of white space counted once. */
export const textLength = (text: string): number => text.trim().replace(/\s+/g, ' ').length;

/** True when `index` is the longest of `lengths`, strictly or tied with another. */
const isLongest = (lengths: number[], index: number): boolean => lengths[index] === Math.max(...lengths);

/** Single-answer items whose correct option is the longest (strictly or tied) in one language. */
export function longestCorrectOption(questions: readonly LintQuestion[], locale: Locale): ShareResult {
  const singles = questions.filter((question) => question.type === 'single');
  const offenders = singles
    .filter((question) => {
      const lengths = question.options.map((option) => textLength(option.text[locale]));
      const correct = question.options.findIndex((option) => option.correct);
      return correct !== -1 && isLongest(lengths, correct);
    })
    .map((question) => question.key);
  return { total: singles.length, count: offenders.length, share: shareOf(offenders.length, singles.length), offenders };
}

export interface KeyBalance {
  total: number;
  /** How many true/false items are keyed "true" and "false". */
  byKey: { true: number; false: number };
  /** The larger of the two shares. */
  share: number;
  /** The key most items share, and the items that have it. */
  majorityKey: 'true' | 'false' | null;
  offenders: string[];
}

/** How unevenly true/false items are keyed. */
export function trueFalseKeyBalance(questions: readonly LintQuestion[]): KeyBalance {
  const items = questions.filter((question) => question.type === 'trueFalse');
  const keyOf = (question: LintQuestion): 'true' | 'false' => (question.options.find((option) => option.correct)?.key === 'true' ? 'true' : 'false');
  const byKey = { true: 0, false: 0 };
  for (const item of items) byKey[keyOf(item)] += 1;
  if (items.length === 0) return { total: 0, byKey, share: 0, majorityKey: null, offenders: [] };
  const majorityKey = byKey.true >= byKey.false ? 'true' : 'false';
  return {
    total: items.length,
    byKey,
    share: byKey[majorityKey] / items.length,
    majorityKey,
    offenders: items.filter((item) => keyOf(item) === majorityKey).map((item) => item.key),
  };
}

/** "3 of 4": how many options are correct out of how many. After shuffling this is the only key pattern left. */
export const keyPattern = (question: LintQuestion): string =>
  `${question.options.filter((option) => option.correct).length} of ${question.options.length}`;

export interface PatternSpread {
  total: number;
  /** Items per key pattern, e.g. { "3 of 4": 13, "2 of 4": 2 }. */
  patterns: Record<string, number>;
  /** True when two or more multiple-select items all share one pattern. */
  allShareOne: boolean;
}

/** Key patterns of the multiple-select items: if they are all alike, "mark 3 of 4" is a strategy that works. */
export function multipleSelectPatterns(questions: readonly LintQuestion[]): PatternSpread {
  const items = questions.filter((question) => question.type === 'multiple');
  const patterns: Record<string, number> = {};
  for (const item of items) patterns[keyPattern(item)] = (patterns[keyPattern(item)] ?? 0) + 1;
  return { total: items.length, patterns, allShareOne: items.length >= 2 && Object.keys(patterns).length === 1 };
}

// Function words that carry no topic: removed before comparing stems. Accents are kept (lower-cased only), so
// "qué" and "que" are both listed.
const STOP_WORDS_ES =
  'a al algo algún alguna algunas alguno algunos ante antes aquí así aun aunque cada como cómo con contra cual cuál cuales cuáles cuando cuándo de del desde donde dónde durante e el él ella ellas ellos en entre era es esa esas ese eso esos esta está están estas este esto estos fue ha han hasta hay la las le les lo los más me mi mis muy nada ni no nos o otra otras otro otros para pero poco por porque qué que quien quién quienes se sea según ser si sí sin sobre su sus también tan te tiene tienen todo todos tu tú un una unas uno unos usted ustedes y ya debe deben puede pueden';
const STOP_WORDS_EN =
  'a about after again all also an and any are as at be because been before being but by can could did do does doing during each for from had has have he her hers him his how i if in into is it its just may me might more most must my no nor not of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours';

export const STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS_ES.split(' '), ...STOP_WORDS_EN.split(' ')]);

/** Lower-cased words (letters and digits, keeping inner hyphens such as "129-a"), stop words removed. */
export function contentTokens(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)));
}

/** |A ∩ B| / |A ∪ B| of two token sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

export interface NearCopy {
  testKey: string;
  quizKey: string;
  locale: Locale;
  similarity: number;
}

/** Knowledge-test stems that are near-copies of quiz stems, in either language, most similar first. */
export function nearCopyStems(
  testItems: readonly Pick<LintQuestion, 'key' | 'prompt'>[],
  quizItems: readonly Pick<LintQuestion, 'key' | 'prompt'>[],
  threshold: number = NEAR_COPY_JACCARD,
): NearCopy[] {
  const pairs: NearCopy[] = [];
  for (const locale of ['es', 'en'] as const) {
    const quizTokens = quizItems.map((quiz) => ({ key: quiz.key, tokens: contentTokens(quiz.prompt[locale]) }));
    for (const item of testItems) {
      const tokens = contentTokens(item.prompt[locale]);
      for (const quiz of quizTokens) {
        const similarity = jaccard(tokens, quiz.tokens);
        if (similarity >= threshold) pairs.push({ testKey: item.key, quizKey: quiz.key, locale, similarity });
      }
    }
  }
  return pairs.sort((a, b) => b.similarity - a.similarity);
}

/** Decisions in which a best-scoring choice is also the longest (strictly or tied), in one language. Decisions whose
 * choices all score the same have no best choice and are not counted. */
export function longestBestChoice(scenarios: readonly Scenario[], locale: Locale): ShareResult {
  const offenders: string[] = [];
  let total = 0;
  for (const scenario of scenarios) {
    for (const node of scenario.nodes) {
      if (node.kind !== 'decision') continue;
      const points = node.choices.map((choice) => choice.points);
      const best = Math.max(...points);
      if (points.every((p) => p === best)) continue; // no better choice to give away
      total += 1;
      const lengths = node.choices.map((choice) => textLength(choice.text[locale]));
      if (node.choices.some((choice, index) => choice.points === best && isLongest(lengths, index))) offenders.push(`${scenario.key}/${node.key}`);
    }
  }
  return { total, count: offenders.length, share: shareOf(offenders.length, total), offenders };
}

// Options are shuffled per attempt, so "la opción b" or "the first answer" means nothing to the learner who reads it.
const POSITION_PATTERNS: readonly RegExp[] = [
  // "opción b", "options c and d"; a bare "a" only where it cannot be the Spanish preposition or English article.
  /\b(?:opci[oó]n|opciones|alternativas?|options?)\s+(?:\(?[b-d]\)?(?![\p{L}\p{N}])|\(a\)|a(?=\s*(?:[).,;:]|$))|a\s+(?:y|o|es|era|and|or|is|was)\b)/iu,
  // "primera respuesta" is the name of module 6, so only "opción" and "alternativa" count in Spanish.
  /\b(?:primera|segunda|tercera|cuarta|quinta|[uú]ltima|anterior|siguiente)\s+(?:opci[oó]n|alternativa)\b/iu,
  /\b(?:opci[oó]n|alternativa)\s+(?:anterior|siguiente|de arriba|de abajo)\b/iu,
  /\b(?:first|second|third|fourth|fifth|last|previous|next)\s+(?:option|answer|choice)s?\b/i,
  /\b(?:option|answer|choice)s?\s+(?:above|below)\b/i,
  /\b(?:todas|ninguna)\s+(?:de\s+)?las\s+anteriores\b/iu,
  /\b(?:all|none)\s+of\s+the\s+above\b/i,
  /(?:^|\s)\(?[a-d]\)\s/u,
];

/** The first option letter or position reference in a text, if any. */
export function findPositionReference(text: string): string | undefined {
  for (const pattern of POSITION_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return found[0].trim();
  }
  return undefined;
}

export interface TextAt {
  /** Where the text is, e.g. `m01.q02/b.feedback.es`. */
  at: string;
  text: string;
}

/** Every feedback text of the options and scenario choices, with where it is. */
export function feedbackTexts(questions: readonly LintQuestion[], scenarios: readonly Scenario[]): TextAt[] {
  const texts: TextAt[] = [];
  for (const question of questions) {
    for (const option of question.options) {
      for (const locale of ['es', 'en'] as const) texts.push({ at: `${question.key}/${option.key}.feedback.${locale}`, text: option.feedback[locale] });
    }
  }
  for (const scenario of scenarios) {
    for (const node of scenario.nodes) {
      if (node.kind !== 'decision') continue;
      for (const choice of node.choices) {
        for (const locale of ['es', 'en'] as const) {
          texts.push({ at: `${scenario.key}/${node.key}/${choice.key}.feedback.${locale}`, text: choice.feedback[locale] });
        }
      }
    }
  }
  return texts;
}

/** Texts that refer to options by letter or position, with the words that do it. */
export function positionReferences(texts: readonly TextAt[]): { at: string; match: string }[] {
  return texts.flatMap(({ at, text }) => {
    const match = findPositionReference(text);
    return match === undefined ? [] : [{ at, match }];
  });
}
