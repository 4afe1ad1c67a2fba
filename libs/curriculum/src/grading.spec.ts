import { fixtureRawCourse } from '../test/course-fixture.js';
import { parseCourse } from './course-rules.js';
import { QuestionSchema, type AttitudeInstrument, type Question, type Quiz, type Scenario } from './course-schema.js';
import { gradeKnowledgeTest, gradeQuestion, gradeQuiz, validateAnswers, validateLikertAnswers, walkScenario } from './grading.js';

const t = (es: string, en = es) => ({ es, en });
const opt = (key: string, correct: boolean) => ({ key, text: t(key), correct, feedback: t(`es:${key}`, `en:${key}`) });
const q = (key: string, type: Question['type'], correctKeys: string[], keys = ['a', 'b', 'c', 'd']): Question =>
  QuestionSchema.parse({
    key,
    type,
    prompt: t(key),
    options: (type === 'trueFalse' ? ['true', 'false'] : keys).map((k) => opt(k, correctKeys.includes(k))),
  });

const single = q('q.single', 'single', ['b']);
const multiple = q('q.multi', 'multiple', ['a', 'c']);
const trueFalse = q('q.tf', 'trueFalse', ['false']);

describe('gradeQuestion', () => {
  it('single: correct only when the one correct option alone is chosen', () => {
    expect(gradeQuestion(single, ['b']).correct).toBe(true);
    expect(gradeQuestion(single, ['a']).correct).toBe(false);
    expect(gradeQuestion(single, ['a', 'b']).correct).toBe(false);
    expect(gradeQuestion(single, []).correct).toBe(false);
  });

  it('trueFalse works like single', () => {
    expect(gradeQuestion(trueFalse, ['false']).correct).toBe(true);
    expect(gradeQuestion(trueFalse, ['true']).correct).toBe(false);
  });

  it('multiple: correct iff the chosen set equals the correct set', () => {
    expect(gradeQuestion(multiple, ['a', 'c']).correct).toBe(true);
    expect(gradeQuestion(multiple, ['c', 'a']).correct).toBe(true);
    expect(gradeQuestion(multiple, ['c', 'a', 'a']).correct).toBe(true); // duplicates are the same set
    expect(gradeQuestion(multiple, ['a']).correct).toBe(false); // subset
    expect(gradeQuestion(multiple, ['a', 'b', 'c']).correct).toBe(false); // superset
    expect(gradeQuestion(multiple, ['b', 'd']).correct).toBe(false);
  });

  it('returns feedback for each selected option in the chosen locale, plus the correct keys', () => {
    const graded = gradeQuestion(multiple, ['a', 'b'], 'en');
    expect(graded).toEqual({
      questionKey: 'q.multi',
      answered: true,
      correct: false,
      selectedOptionKeys: ['a', 'b'],
      correctOptionKeys: ['a', 'c'],
      feedback: [
        { optionKey: 'a', correct: true, feedback: 'en:a' },
        { optionKey: 'b', correct: false, feedback: 'en:b' },
      ],
      explanations: [
        { optionKey: 'a', correct: true, feedback: 'en:a' },
        { optionKey: 'c', correct: true, feedback: 'en:c' },
      ],
    });
  });

  it('treats unknown option keys as wrong and gives them no feedback', () => {
    const graded = gradeQuestion(single, ['zzz']);
    expect(graded.correct).toBe(false);
    expect(graded.feedback).toEqual([]);
  });
});

describe('gradeQuiz', () => {
  const quiz: Quiz = {
    key: 'quiz',
    passMark: 0.8,
    maxAttempts: 3,
    questions: [single, multiple, trueFalse, q('q4', 'single', ['a']), q('q5', 'single', ['a'])],
  };

  it('scores the share correct, counts unanswered as wrong, passes at exactly the pass mark', () => {
    const grade = gradeQuiz(quiz, { 'q.single': ['b'], 'q.multi': ['a', 'c'], 'q.tf': ['false'], q4: ['a'] }, 'es');
    expect(grade.correctCount).toBe(4);
    expect(grade.score).toBeCloseTo(0.8);
    expect(grade.passed).toBe(true);
    expect(grade.perQuestion.map((item) => item.answered)).toEqual([true, true, true, true, false]);
  });

  it('fails below the pass mark', () => {
    const grade = gradeQuiz(quiz, { 'q.single': ['b'], 'q.multi': ['a'], 'q.tf': ['false'], q4: ['a'] }, 'es');
    expect(grade.score).toBeCloseTo(0.6);
    expect(grade.passed).toBe(false);
  });

  it('ignores inherited property names as answers', () => {
    const grade = gradeQuiz({ ...quiz, questions: [q('constructor', 'single', ['a'])] }, {}, 'es');
    expect(grade.perQuestion[0].answered).toBe(false);
  });
});

describe('gradeKnowledgeTest', () => {
  const course = parseCourse(fixtureRawCourse());
  if (!course.ok) throw new Error('fixture invalid');
  const test = course.course.knowledgeTest;

  it('gives percent correct over all items, unanswered = wrong, with a per-module breakdown', () => {
    const answers = Object.fromEntries(
      test.items.slice(0, 6).map((item) => [item.key, item.options.filter((option) => option.correct).map((option) => option.key)]),
    );
    const grade = gradeKnowledgeTest(test, answers);
    expect(grade.correctCount).toBe(6);
    expect(grade.answeredCount).toBe(6);
    expect(grade.percent).toBeCloseTo(40);
    expect(grade.perModule.reduce((sum, entry) => sum + entry.total, 0)).toBe(15);
    expect(JSON.stringify(grade)).not.toMatch(/feedback/);
  });
});

describe('validateAnswers', () => {
  const items = [single, multiple, trueFalse];

  it('accepts well-formed answers, including empty ones', () => {
    expect(validateAnswers(items, { 'q.single': ['a'], 'q.multi': ['a', 'c'], 'q.tf': [] })).toEqual([]);
    expect(validateAnswers(items, {})).toEqual([]);
  });

  it('reports unknown questions, unknown options, wrong types and too many options', () => {
    const problems = validateAnswers(items, {
      'q.nope': ['a'],
      'q.single': ['a', 'b'],
      'q.multi': ['a', 'zzz', 3, 'a'],
      'q.tf': 'true',
    });
    expect(problems).toEqual([
      { path: 'answers["q.nope"]', message: '"q.nope" is not a question of this quiz or test' },
      { path: 'answers["q.single"]', message: 'question "q.single" takes one option; 2 were sent' },
      { path: 'answers["q.multi"][1]', message: '"zzz" is not an option of question "q.multi"' },
      { path: 'answers["q.multi"][2]', message: 'must be an option key (text)' },
      { path: 'answers["q.multi"][3]', message: 'option "a" is selected twice' },
      { path: 'answers["q.tf"]', message: 'must be a list of option keys (use [] for no answer)' },
    ]);
  });

  it('rejects a non-object body', () => {
    expect(validateAnswers(items, ['a'])).toHaveLength(1);
    expect(validateAnswers(items, null)).toHaveLength(1);
  });
});

describe('validateLikertAnswers', () => {
  const instrument = { items: [{ key: 'att.a.01' }, { key: 'att.a.02' }] } as AttitudeInstrument;

  it('accepts integers 1..5 for known items', () => {
    expect(validateLikertAnswers(instrument, { 'att.a.01': 1, 'att.a.02': 5 })).toEqual([]);
    expect(validateLikertAnswers(instrument, { 'att.a.01': 3 })).toEqual([]);
  });

  it('rejects unknown items, out-of-range, fractions and text', () => {
    const problems = validateLikertAnswers(instrument, { 'att.x': 3, 'att.a.01': 6, 'att.a.02': 2.5 });
    expect(problems.map((p) => p.path)).toEqual(['answers["att.x"]', 'answers["att.a.01"]', 'answers["att.a.02"]']);
    expect(validateLikertAnswers(instrument, { 'att.a.01': '3' })).toHaveLength(1);
    expect(validateLikertAnswers(instrument, { 'att.a.01': 0 })).toHaveLength(1);
  });

  it('can require every item', () => {
    expect(validateLikertAnswers(instrument, { 'att.a.01': 3 }, { requireAll: true })).toEqual([{ path: 'answers["att.a.02"]', message: 'is required' }]);
  });
});

describe('walkScenario', () => {
  const course = parseCourse(fixtureRawCourse());
  if (!course.ok) throw new Error('fixture invalid');
  const scenario: Scenario = course.course.scenarios[0];

  it('follows the choices to an ending, summing points', () => {
    const walk = walkScenario(scenario, ['a', 'a', 'a', 'a'], 'en');
    expect(walk).toMatchObject({ valid: true, complete: true, problems: [], path: ['n1', 'n2', 'n3', 'n4', 'end-good'], score: 8, maxScore: 8 });
    expect(walk.ending).toEqual({ key: 'end-good', outcome: 'good', summary: 'Ending' });
    expect(walk.steps[0]).toEqual({ nodeKey: 'n1', choiceKey: 'a', points: 2, critical: false, feedback: 'Consequence' });
  });

  it('reports the ending outcome of a poor path', () => {
    const walk = walkScenario(scenario, ['b', 'b']);
    expect(walk).toMatchObject({ valid: true, complete: true, path: ['n1', 'n2', 'end-poor'], score: 0, maxScore: 8 });
    expect(walk.ending?.outcome).toBe('poor');
  });

  it('a partial walk is valid but not complete', () => {
    expect(walkScenario(scenario, ['a'])).toMatchObject({ valid: true, complete: false, path: ['n1', 'n2'], ending: null });
  });

  it('rejects an impossible choice and choices after the ending', () => {
    expect(walkScenario(scenario, ['a', 'zzz'])).toMatchObject({ valid: false, complete: false, path: ['n1', 'n2'] });
    const extra = walkScenario(scenario, ['b', 'b', 'a']);
    expect(extra.valid).toBe(false);
    expect(extra.problems[0].path).toBe('choices[2]');
  });
});
