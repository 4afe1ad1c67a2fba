import { fixtureRawCourse } from '../test/course-fixture.js';
import { parseCourse } from './course-rules.js';
import type { Course, Lesson, Question, Scenario } from './course-schema.js';
import { checkDraftCourse, checkDraftItem } from './draft-check.js';
import { draftItems, findItem, itemId, locateProblem, parseItemId, replaceItem } from './draft-items.js';
import { lessonStats, markdownHeadings } from './lesson-stats.js';
import { changedTexts, confirmTranslation, localizedTexts, recordTextEdit, translationFlags, translationState } from './localized-texts.js';
import { publicationProblems } from './publication-rules.js';
import { changedItems } from './version-changes.js';

const fixture = (): Course => {
  const parsed = parseCourse(fixtureRawCourse());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  // The fixture's legal source has no locator; give it one so the course is publishable as it stands.
  parsed.course.modules.forEach((m) => m.lessons[1]!.sources.forEach((s) => (s.url = 'https://spij.minjus.gob.pe/codigo-penal')));
  return parsed.course;
};

describe('draft items', () => {
  it('lists every editable item once, with stable ids', () => {
    const items = draftItems(fixture());
    const kinds = items.reduce<Record<string, number>>((n, i) => ({ ...n, [i.kind]: (n[i.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ module: 2, lesson: 4, question: 10, 'knowledge-item': 15, instrument: 1, 'attitude-item': 24, scenario: 1 });
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(parseItemId(itemId('knowledge-item', 'kt.01'))).toEqual({ kind: 'knowledge-item', key: 'kt.01' });
    expect(parseItemId('nonsense:x')).toBeNull();
  });

  it('replaces an item in place; a module header keeps its lessons and quiz', () => {
    const course = fixture();
    const header = findItem(course, 'module', 'm02-tema')!.value;
    expect(replaceItem(course, 'module', 'm02-tema', { ...header, title: { es: 'Nuevo', en: 'New' } })).toBe(true);
    expect(course.modules[1]!.title.es).toBe('Nuevo');
    expect(course.modules[1]!.lessons).toHaveLength(2);
    const lesson = { ...findItem(course, 'lesson', 'm02.l01')!.value, title: { es: 'L', en: 'L' } };
    expect(replaceItem(course, 'lesson', 'm02.l01', lesson)).toBe(true);
    expect(course.modules[1]!.lessons[0]!.title.es).toBe('L');
    expect(replaceItem(course, 'lesson', 'm09.l01', lesson)).toBe(false);
  });

  it('points validator paths at the item and field to open', () => {
    const course = fixture();
    expect(locateProblem(course, 'modules[1].lessons[0].body.es')).toEqual({ kind: 'lesson', key: 'm02.l01', field: 'body.es' });
    expect(locateProblem(course, 'modules[0].quiz.questions[2].options')).toEqual({ kind: 'question', key: 'm01.q03', field: 'options' });
    expect(locateProblem(course, 'modules[0].title.en')).toEqual({ kind: 'module', key: 'm01-tema', field: 'title.en' });
    expect(locateProblem(course, 'knowledgeTest.items[3].module')).toEqual({ kind: 'knowledge-item', key: 'kt.04', field: 'module' });
    expect(locateProblem(course, 'attitudeInstrument.items[0].text.es')?.kind).toBe('attitude-item');
    expect(locateProblem(course, 'attitudeInstrument.scale')).toEqual({ kind: 'instrument', key: 'att', field: 'scale' });
    expect(locateProblem(course, 'scenarios[0].nodes[5]')).toEqual({ kind: 'scenario', key: 'sc.fixture', field: 'nodes[5]' });
    expect(locateProblem(course, 'moduleOrder[0]')).toBeNull();
  });
});

describe('draft check: well-formed, not finished', () => {
  it('accepts an untranslated text and gives it back empty', () => {
    const lesson = findItem(fixture(), 'lesson', 'm01.l01')!.value;
    const result = checkDraftItem('lesson', { ...lesson, title: { es: 'Título nuevo', en: '' } });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ title: { es: 'Título nuevo', en: '' } }) });
  });

  it('refuses a malformed item: unknown field, wrong type, missing language, no answer key', () => {
    const course = fixture();
    const lesson = findItem(course, 'lesson', 'm01.l01')!.value;
    const question = findItem(course, 'question', 'm01.q01')!.value as Question;
    const bad = (kind: Parameters<typeof checkDraftItem>[0], value: unknown) => {
      const result = checkDraftItem(kind, value);
      return result.ok ? [] : result.problems.map((p) => p.path);
    };
    expect(bad('lesson', { ...lesson, colour: 'red' })).toEqual(['']);
    expect(bad('lesson', { ...lesson, title: { es: 'x' } })).toEqual(['title.en']);
    expect(bad('question', { ...question, options: question.options.map((o) => ({ ...o, correct: false })) })).toEqual(['options']);
    expect(bad('lesson', { ...lesson, sources: [{ citation: 'Ley 30364', reviewedOn: '1 de enero', certainty: 'firm' }] })).toEqual(['sources[0].reviewedOn']);
  });

  it('accepts an unreachable scenario node in a draft (publishing refuses it)', () => {
    const course = fixture();
    const scenario = findItem(course, 'scenario', 'sc.fixture')!.value as Scenario;
    const orphan = { key: 'n9', kind: 'decision' as const, situation: { es: 'Sola', en: '' }, choices: scenario.nodes.find((n) => n.key === 'n4')!.kind === 'decision' ? (scenario.nodes[3] as Extract<Scenario['nodes'][number], { kind: 'decision' }>).choices : [] };
    const edited = { ...scenario, nodes: [...scenario.nodes, orphan] };
    const saved = checkDraftItem('scenario', edited);
    expect(saved.ok).toBe(true);
    replaceItem(course, 'scenario', 'sc.fixture', edited);
    const problems = publicationProblems(course);
    expect(problems).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/"n9" cannot be reached/), place: { kind: 'scenario', key: 'sc.fixture', field: 'nodes[7]' } }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'scenarios[0].nodes[7].situation.en', message: 'the English text is empty (untranslated)' }));
  });

  it('checks a whole course the same way', () => {
    const raw = fixture();
    raw.modules[0]!.title.en = '';
    expect(checkDraftCourse(raw).ok).toBe(true);
    expect(checkDraftCourse({ ...raw, extra: 1 }).ok).toBe(false);
  });
});

describe('publication rules', () => {
  it('passes a complete course', () => {
    expect(publicationProblems(fixture())).toEqual([]);
  });

  it('refuses a legal source without a locator, pointing at the lesson', () => {
    const course = fixture();
    const lesson = course.modules[0]!.lessons[1]! as Lesson;
    lesson.sources.push({ citation: 'Ley 32535, Ley de igualdad de oportunidades', reviewedOn: '2026-12-01', certainty: 'firm' });
    const problems = publicationProblems(course);
    expect(problems).toEqual([expect.objectContaining({ path: 'modules[0].lessons[1].sources[1]', message: expect.stringMatching(/needs a locator/), place: { kind: 'lesson', key: 'm01.l02', field: 'sources[1]' } })]);
    lesson.sources[1]!.url = 'https://www.gob.pe/institucion/congreso/normas-legales/ley-32535';
    expect(publicationProblems(course)).toEqual([]);
  });

  it('refuses a stale translation until the other language is edited (or confirmed) after it', () => {
    const course = fixture();
    const id = itemId('lesson', 'm01.l01');
    const spanishEdited = recordTextEdit(undefined, ['es'], 2000);
    expect(publicationProblems(course, { [id]: { body: spanishEdited } })).toEqual([
      expect.objectContaining({ path: 'lesson:m01.l01 body.en', place: { kind: 'lesson', key: 'm01.l01', field: 'body.en' } }),
    ]);
    expect(publicationProblems(course, { [id]: { body: recordTextEdit(spanishEdited, ['en'], 3000) } })).toEqual([]);
    expect(publicationProblems(course, { [id]: { body: confirmTranslation(spanishEdited, 'en', 3000) } })).toEqual([]);
  });
});

describe('translations', () => {
  it('names texts by keys, not positions', () => {
    const question = findItem(fixture(), 'question', 'm01.q01')!.value;
    expect(localizedTexts(question).map((t) => t.textId)).toEqual(['prompt', 'options.a.text', 'options.a.feedback', 'options.b.text', 'options.b.feedback', 'options.c.text', 'options.c.feedback']);
    const module = findItem(fixture(), 'module', 'm01-tema')!.value;
    expect(localizedTexts(module).map((t) => t.textId)).toEqual(['title', 'summary', 'objectives.0', 'objectives.1']);
  });

  it('records which language of which text changed', () => {
    const before = findItem(fixture(), 'question', 'm01.q01')!.value as Question;
    const after = structuredClone(before);
    after.prompt.es = 'Otra pregunta';
    after.options.reverse(); // moving options changes no text
    after.options[0]!.feedback.en = 'Changed';
    expect(changedTexts(before, after)).toEqual([{ textId: 'prompt', locale: 'es' }, { textId: 'options.c.feedback', locale: 'en' }]);
  });

  it('flags the other language stale after an edit, and clears it when that language is updated, not the reverse', () => {
    const both = { es: 'a', en: 'b' };
    const spanish = recordTextEdit(undefined, ['es'], 1); // English never edited since import
    expect([translationState(both, spanish, 'es'), translationState(both, spanish, 'en')]).toEqual(['ok', 'stale']);
    const spanishAgain = recordTextEdit(spanish, ['es'], 2);
    expect(translationState(both, spanishAgain, 'en')).toBe('stale');
    // Updating the stale English brings the two in line: the Spanish does not become stale in turn.
    const fixed = recordTextEdit(spanishAgain, ['en'], 3);
    expect([translationState(both, fixed, 'es'), translationState(both, fixed, 'en')]).toEqual(['ok', 'ok']);
    // A later change to the English (nothing stale then) makes the Spanish stale.
    const english = recordTextEdit(fixed, ['en'], 4);
    expect([translationState(both, english, 'es'), translationState(both, english, 'en')]).toEqual(['stale', 'ok']);
    // Both languages edited together agree; a confirmation clears a stale language without an edit.
    expect(translationState(both, recordTextEdit(english, ['es', 'en'], 5), 'es')).toBe('ok');
    expect(translationState(both, confirmTranslation(english, 'es', 5), 'es')).toBe('ok');
    expect(confirmTranslation(fixed, 'es', 9)).toEqual(fixed); // nothing to confirm
    expect(translationState(both, undefined, 'en')).toBe('ok');
    expect(translationState({ es: 'a', en: ' ' }, undefined, 'en')).toBe('untranslated');
  });

  it('lists the flags of a set of items', () => {
    const items = [{ id: 'lesson:x', value: { title: { es: 'T', en: '' }, body: { es: 'b', en: 'b' } } }];
    expect(translationFlags(items, { 'lesson:x': { body: { en: 5, es: 1, synced: 1 } } })).toEqual([
      { itemId: 'lesson:x', textId: 'title', locale: 'en', state: 'untranslated' },
      { itemId: 'lesson:x', textId: 'body', locale: 'es', state: 'stale' },
    ]);
  });
});

describe('changes between versions and lesson statistics', () => {
  it('lists changed, added and removed items', () => {
    const before = fixture();
    const after = structuredClone(before);
    after.modules[0]!.lessons[0]!.body.es += '\n\nUn párrafo nuevo.';
    after.knowledgeTest.items.pop();
    expect(changedItems(before, after).map((c) => `${c.change} ${c.id}`)).toEqual(['changed lesson:m01.l01', 'removed knowledge-item:kt.15']);
    expect(changedItems(before, structuredClone(before))).toEqual([]);
  });

  it('counts words, reading time and headings', () => {
    const markdown = `## Uno **fuerte**\n\n${'palabra '.repeat(450)}\n\n### Dos\n\n\`\`\`\n## no es título\n\`\`\``;
    expect(lessonStats(markdown)).toEqual({ words: 456, readingMinutes: 2, headings: [{ level: 2, text: 'Uno fuerte' }, { level: 3, text: 'Dos' }] });
    expect(markdownHeadings('Texto sin títulos')).toEqual([]);
    expect(lessonStats('').readingMinutes).toBe(0);
  });
});
