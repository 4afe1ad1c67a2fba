// The behaviour follow-up in the course files: valid, neutral, a "no aplica" wherever a question presumes a case, and
// the schema refuses the mistakes that would bias or break its shares.
import { loadCourseFromDirectory } from './load-course.js';
import { PracticeQuestionnaireSchema, type PracticeQuestionnaire } from './course-schema.js';
import { leadingWording, toLearnerPracticeQuestionnaire, validatePracticeAnswers } from './practice-questionnaire.js';

const loaded = loadCourseFromDirectory();
const q = loaded.course!.practiceQuestionnaire!;

describe('practice questionnaire (course content)', () => {
  it('is in the course, valid, with Spanish and English everywhere', () => {
    expect(loaded.problems).toEqual([]);
    expect(q.items.length).toBeGreaterThanOrEqual(8);
    for (const item of q.items) for (const text of [item.prompt, item.label, item.indicatorLabel, ...item.options.map((o) => o.text)]) {
      expect(text.es.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
  });

  it('asks about the recall period it declares, and about the action plan', () => {
    for (const item of q.items.filter((i) => i.key !== 'pq.action-plan')) {
      expect(item.prompt.es).toContain(`últimos ${q.recallMonths} meses`);
      expect(item.prompt.en).toContain(`last ${q.recallMonths} months`);
    }
    expect(q.items.map((i) => i.key)).toEqual(expect.arrayContaining([
      'pq.cases-received', 'pq.social-name', 'pq.referral-protection', 'pq.health-72h', 'pq.rights', 'pq.condoms-returned', 'pq.prejudice-motive', 'pq.action-plan',
    ]));
  });

  it('uses no leading or judging words', () => {
    expect(leadingWording(q)).toEqual([]);
  });

  it('offers "no aplica" on every item that presumes a case, as its last option', () => {
    for (const item of q.items.filter((i) => i.presumesCase)) expect(item.options.at(-1)).toMatchObject({ notApplicable: true });
  });

  it('shows the learner no indicator (what the report counts as "did it")', () => {
    const view = toLearnerPracticeQuestionnaire(q, 'es');
    expect(JSON.stringify(view)).not.toMatch(/indicator/);
    expect(view.items[0]!.options.map((o) => o.key)).toEqual(q.items[0]!.options.map((o) => o.key));
  });
});

describe('practice questionnaire rules', () => {
  const item = (overrides: Record<string, unknown>) => ({ ...structuredClone(q.items[1]!), ...overrides });
  const parse = (items: unknown[]) => PracticeQuestionnaireSchema.safeParse({ ...q, items: [...q.items.slice(0, 2), ...items] });
  const messages = (items: unknown[]) => { const r = parse(items); return r.success ? [] : r.error.issues.map((i) => i.message); };

  it.each([
    ['a case question without "no aplica"', item({ key: 'pq.x', options: q.items[1]!.options.slice(0, 4) }), /presumes a case/],
    ['"no aplica" in the middle', item({ key: 'pq.x', options: [q.items[1]!.options[4], ...q.items[1]!.options.slice(0, 4)] }), /comes last/],
    ['an indicator on "no aplica"', item({ key: 'pq.x', indicator: ['all', 'na'] }), /applicable options/],
    ['an indicator holding every answer', item({ key: 'pq.x', indicator: ['all', 'most', 'some', 'none'] }), /always be 100 %/],
    ['an option key twice', item({ key: 'pq.x', options: [...q.items[1]!.options.slice(0, 4), q.items[1]!.options[0], q.items[1]!.options[4]] }), /used twice/],
  ])('refuses %s', (_label, bad, message) => {
    expect(messages([bad]).join(' | ')).toMatch(message);
  });

  it('flags leading words in either language', () => {
    const leading: PracticeQuestionnaire = { ...q, items: [item({ prompt: { es: '¿Registró correctamente el nombre social?', en: 'Did you properly record it?' } }) as PracticeQuestionnaire['items'][number]] };
    expect(leadingWording(leading).map((w) => [w.locale, w.match.toLowerCase()])).toEqual([['es', 'correctamente'], ['en', 'properly']]);
  });

  it('accepts skipped items and refuses unknown items or options', () => {
    expect(validatePracticeAnswers(q, {})).toEqual([]);
    expect(validatePracticeAnswers(q, { 'pq.social-name': 'na', 'pq.cases-received': 'one-two' })).toEqual([]);
    expect(validatePracticeAnswers(q, { 'pq.nope': 'all' })[0]!.message).toMatch(/not a question/);
    expect(validatePracticeAnswers(q, { 'pq.social-name': 'six-plus' })[0]!.message).toMatch(/must be one of/);
    expect(validatePracticeAnswers(q, { 'pq.social-name': ['all'] })[0]!.message).toMatch(/must be one of/);
    expect(validatePracticeAnswers(q, ['all'])[0]!.path).toBe('practice');
  });
});
