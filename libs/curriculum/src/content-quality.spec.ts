// Course-level assertions of the answer-cue lint (content-lint.ts) on the real course. Each failure prints the
// offending items, so an author sees what to rewrite. Thresholds come from content-lint.ts and are never loosened here.
import {
  feedbackTexts,
  longestBestChoice,
  longestCorrectOption,
  MAX_LONGEST_BEST_CHOICE_SHARE,
  MAX_LONGEST_CORRECT_SHARE,
  MAX_TRUE_FALSE_KEY_SHARE,
  multipleSelectPatterns,
  nearCopyStems,
  positionReferences,
  trueFalseKeyBalance,
  type LintQuestion,
  type ShareResult,
} from './content-lint.js';
import { LOCALES, type Course } from './course-schema.js';
import { blueprintMatrix, checkBlueprint } from './knowledge-blueprint.js';
import { defaultContentDir, loadAttitudeBlueprint, loadCourseFromDirectory, loadKnowledgeBlueprint } from './load-course.js';
import { checkAttitudeBlueprint } from './attitude-blueprint.js';
import { courseSources, sourceProblems } from './source-rules.js';

const loaded = loadCourseFromDirectory(defaultContentDir());
const course = (): Course => {
  if (!loaded.course) throw new Error(`the real course did not load: ${JSON.stringify(loaded.problems.slice(0, 5))}`);
  return loaded.course;
};
const quizQuestions = (): LintQuestion[] => course().modules.flatMap((module) => module.quiz.questions);
const testItems = (): LintQuestion[] => course().knowledgeTest.items;
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** Empty when within the limit; otherwise one line naming the share and every offender. */
const overLimit = (what: string, result: ShareResult, limit: number): string[] =>
  result.share > limit ? [`${what}: ${result.count}/${result.total} = ${percent(result.share)} (limit ${percent(limit)}): ${result.offenders.join(', ')}`] : [];

const longestCorrectProblems = (questions: LintQuestion[]): string[] =>
  LOCALES.flatMap((locale) => overLimit(`correct option is the longest (${locale})`, longestCorrectOption(questions, locale), MAX_LONGEST_CORRECT_SHARE));

const trueFalseProblems = (questions: LintQuestion[]): string[] => {
  const balance = trueFalseKeyBalance(questions);
  return balance.share > MAX_TRUE_FALSE_KEY_SHARE
    ? [`${balance.byKey[balance.majorityKey!]}/${balance.total} true/false items are keyed "${balance.majorityKey}" = ${percent(balance.share)} (limit ${percent(MAX_TRUE_FALSE_KEY_SHARE)}): ${balance.offenders.join(', ')}`]
    : [];
};

const patternProblems = (questions: LintQuestion[]): string[] => {
  const spread = multipleSelectPatterns(questions);
  return spread.allShareOne ? [`all ${spread.total} multiple-select items have the same key pattern: ${JSON.stringify(spread.patterns)}`] : [];
};

describe('answer-cue lint on the knowledge test alone', () => {
  it('the correct option is the longest in at most 40 % of single-answer items, in each language', () => {
    expect(longestCorrectProblems(testItems())).toEqual([]);
  });

  it('no more than 60 % of true/false items share a key', () => {
    expect(trueFalseProblems(testItems())).toEqual([]);
  });

  it('multiple-select items do not all share one key pattern', () => {
    expect(patternProblems(testItems())).toEqual([]);
  });
});

// The quiz assertions below run on the quizzes as they are on this branch. Pending merge of h-content-modules: the
// quizzes are being rewritten there to pass exactly these rules; on the old quizzes they fail, listing the offenders.
describe('answer-cue lint on quizzes and knowledge test together', () => {
  it('the correct option is the longest in at most 40 % of single-answer items, in each language', () => {
    expect(longestCorrectProblems([...quizQuestions(), ...testItems()])).toEqual([]);
  });

  it('no more than 60 % of true/false items share a key', () => {
    expect(trueFalseProblems([...quizQuestions(), ...testItems()])).toEqual([]);
  });

  it('the quizzes\u2019 multiple-select items do not all share one key pattern', () => {
    expect(patternProblems(quizQuestions())).toEqual([]);
  });

  it('no knowledge-test stem is a near-copy of a quiz stem (token-set Jaccard ≥ 0.5)', () => {
    const pairs = nearCopyStems(testItems(), quizQuestions()).map(
      (pair) => `${pair.testKey} ≈ ${pair.quizKey} (${pair.locale}, Jaccard ${pair.similarity.toFixed(2)})`,
    );
    expect(pairs).toEqual([]);
  });

  it('no feedback refers to an option by its letter or position (options are shuffled)', () => {
    const references = positionReferences(feedbackTexts([...quizQuestions(), ...testItems()], course().scenarios));
    expect(references.map(({ at, match }) => `${at}: "${match}"`)).toEqual([]);
  });
});

// Pending merge of the scenario rewrite (h-content-modules owns scenarios/).
describe('answer-cue lint on scenarios', () => {
  it('the best choice is the longest in at most 40 % of decisions, in each language', () => {
    const problems = LOCALES.flatMap((locale) =>
      overLimit(`best choice is the longest (${locale})`, longestBestChoice(course().scenarios, locale), MAX_LONGEST_BEST_CHOICE_SHARE),
    );
    expect(problems).toEqual([]);
  });
});

describe('knowledge-test blueprint (assessments/knowledge-test.blueprint.yaml)', () => {
  const read = loadKnowledgeBlueprint(defaultContentDir());
  const blueprint = () => {
    if (!read.blueprint) throw new Error(`the blueprint did not load: ${JSON.stringify(read.problems)}`);
    return read.blueprint;
  };

  it('loads, and maps every item to an objective and module, covers every objective, module and required topic', () => {
    expect(read.problems).toEqual([]);
    expect(checkBlueprint(blueprint(), course()).map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  });

  it('requires the topics issue 11 names, and at least 24 items', () => {
    expect(blueprint().requiredTopics).toEqual(expect.arrayContaining(['identity-checks', 'serenazgo-powers', 'trafficking-exploitation-sex-work', 'ley-30364-procedure', 'confidentiality']));
    expect(testItems().length).toBeGreaterThanOrEqual(24);
  });

  it('its matrix has an item in every module column', () => {
    const matrix = blueprintMatrix(blueprint(), course());
    const columnTotals = course().moduleOrder.map((module) => Object.values(matrix).reduce((sum, row) => sum + (row[module] ?? 0), 0));
    expect(columnTotals.every((total) => total > 0)).toBe(true);
    expect(columnTotals.reduce((a, b) => a + b, 0)).toBe(testItems().length);
  });

  it('fails when an item is unmapped, an objective is empty, or a topic is uncovered', () => {
    const broken = structuredClone(blueprint());
    const dropped = broken.items.shift()!;
    broken.objectives.push({ key: 'kt.o99', modules: ['m01-genero'], text: { es: 'x', en: 'x' }, sources: [] });
    broken.requiredTopics.push('nowhere');
    const messages = checkBlueprint(broken, course()).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([
      `knowledge-test item "${dropped.item}" is not in the blueprint`,
      'objective "kt.o99" has no item',
      'required topic "nowhere" has no item',
    ]));
    const reused = structuredClone(course());
    reused.knowledgeTest.items[0]!.key = blueprint().retired[0]!;
    expect(checkBlueprint(blueprint(), reused).map((p) => p.message)).toContainEqual(`key "${blueprint().retired[0]}" is retired; a new question needs a new key`);
    const recall = structuredClone(blueprint());
    recall.items.forEach((entry) => (entry.kind = 'recall'));
    expect(checkBlueprint(recall, course()).map((p) => p.message)).toContainEqual(expect.stringMatching(/items are applied cases; most must be/));
    const wrongModule = structuredClone(blueprint());
    wrongModule.items[0]!.objective = wrongModule.objectives.find((o) => !o.modules.includes(course().knowledgeTest.items[0]!.module))!.key;
    expect(checkBlueprint(wrongModule, course()).map((p) => p.message)).toContainEqual(expect.stringMatching(/which objective .* does not list/));
  });
});

// Pending merge of h-content-modules: the module sources get their locators there; the blueprint's pass already.
describe('locator rule on every lesson source', () => {
  it('every legal or statistical source has a locator, and every uncertain one says what is not known', () => {
    const problems = sourceProblems(courseSources(course())).map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual([]);
  });
});

describe('attitude instrument v2 and its blueprint (assessments/attitude-instrument.blueprint.yaml)', () => {
  const read = loadAttitudeBlueprint(defaultContentDir());
  const blueprint = () => {
    if (!read.blueprint) throw new Error(`the blueprint did not load: ${JSON.stringify(read.problems)}`);
    return read.blueprint;
  };

  it('documents every item with its subscale and key, balances reverse keys per subscale, and reuses no retired key', () => {
    expect(read.problems).toEqual([]);
    expect(checkAttitudeBlueprint(blueprint(), course().attitudeInstrument).map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  });

  it('has about a third of its items reverse-keyed overall', () => {
    const { items } = course().attitudeInstrument;
    const share = items.filter((item) => item.reverse).length / items.length;
    expect(Math.abs(share - 1 / 3)).toBeLessThanOrEqual(0.05);
  });

  it('words every item so the then-test can show it unchanged (no reference to the course or to "now")', () => {
    const offenders = course().attitudeInstrument.items.filter((item) =>
      /\b(curso|capacitaci[óo]n|ahora|hoy|course|training|now|today)\b/iu.test(`${item.text.es} ${item.text.en}`),
    );
    expect(offenders.map((item) => item.key)).toEqual([]);
  });

  it('fails on a changed reverse key, a retired key reused, and a lopsided subscale', () => {
    const instrument = structuredClone(course().attitudeInstrument);
    instrument.items[0]!.reverse = !instrument.items[0]!.reverse;
    instrument.items[1]!.key = blueprint().retired[0]!;
    const subscale = instrument.subscales[0]!.key;
    instrument.items.filter((item) => item.subscale === subscale).forEach((item) => (item.reverse = false));
    const messages = checkAttitudeBlueprint(blueprint(), instrument).map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/in the instrument but .* in the blueprint/));
    expect(messages).toContainEqual(`key "${blueprint().retired[0]}" is retired; a changed statement needs a new key`);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`subscale "${subscale}" has 0 of \\d+ items reverse-keyed`)));
  });
});

describe('instructions that state how many items there are', () => {
  const statedCounts = (text: string): number[] =>
    [...text.matchAll(/(\d+)\s+(?:preguntas|afirmaciones|questions|statements)\b/giu)].map((match) => Number(match[1]));

  it('state the real number of items, in both languages', () => {
    const { knowledgeTest, attitudeInstrument } = course();
    const texts = [
      { what: 'knowledge test instructions', text: knowledgeTest.instructions, count: knowledgeTest.items.length },
      { what: 'attitude instructions', text: attitudeInstrument.instructions, count: attitudeInstrument.items.length },
      ...(attitudeInstrument.thenTestInstructions
        ? [{ what: 'then-test instructions', text: attitudeInstrument.thenTestInstructions, count: attitudeInstrument.items.length }]
        : []),
    ];
    const wrong = texts.flatMap(({ what, text, count }) =>
      LOCALES.flatMap((locale) => statedCounts(text[locale]).filter((n) => n !== count).map((n) => `${what} (${locale}) say ${n}, there are ${count}`)),
    );
    expect(wrong).toEqual([]);
  });
});
