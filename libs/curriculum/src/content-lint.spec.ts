// Each measure on small fixtures: one that shows the cue (so the rule can fail) and one that does not.
import {
  contentTokens,
  feedbackTexts,
  findPositionReference,
  jaccard,
  keyPattern,
  longestBestChoice,
  longestCorrectOption,
  multipleSelectPatterns,
  nearCopyStems,
  positionReferences,
  textLength,
  trueFalseKeyBalance,
  type LintQuestion,
} from './content-lint.js';
import type { Scenario } from './course-schema.js';

const t = (es: string, en = es) => ({ es, en });
const opt = (key: string, text: string, correct: boolean, feedback = 'Porque sí.') => ({ key, text: t(text), correct, feedback: t(feedback) });
const single = (key: string, options: [string, boolean][], prompt = `Pregunta ${key}`): LintQuestion => ({
  key,
  type: 'single',
  prompt: t(prompt),
  options: options.map(([text, correct], i) => opt('abcd'[i]!, text, correct)),
});
const tf = (key: string, answer: boolean): LintQuestion => ({
  key,
  type: 'trueFalse',
  prompt: t(`Afirmación ${key}`),
  options: [opt('true', 'Verdadero', answer), opt('false', 'Falso', !answer)],
});
const multiple = (key: string, correct: boolean[]): LintQuestion => ({
  key,
  type: 'multiple',
  prompt: t(`Marque ${key}`),
  options: correct.map((c, i) => opt('abcd'[i]!, `opción ${i}`, c)),
});

describe('longestCorrectOption', () => {
  it('counts single items whose correct option is strictly the longest, or tied for longest', () => {
    const items = [
      single('q1', [['larga y correcta', true], ['corta', false]]),
      single('q2', [['igual', true], ['igual', false]]), // tied: still a cue
      single('q3', [['no', true], ['la distractora larga', false]]),
      tf('q4', true), // not single: ignored
    ];
    expect(longestCorrectOption(items, 'es')).toEqual({ total: 3, count: 2, share: 2 / 3, offenders: ['q1', 'q2'] });
  });

  it('measures each language on its own', () => {
    const item: LintQuestion = { ...single('q1', [['x', true], ['y', false]]) };
    item.options[0]!.text = { es: 'corta', en: 'a much longer English text' };
    item.options[1]!.text = { es: 'la más larga en español', en: 'short' };
    expect(longestCorrectOption([item], 'es').count).toBe(0);
    expect(longestCorrectOption([item], 'en').count).toBe(1);
  });

  it('counts length as read: trimmed, white space collapsed', () => {
    expect(textLength('  dos   palabras \n')).toBe('dos palabras'.length);
  });
});

describe('trueFalseKeyBalance', () => {
  it('finds the majority key and its share', () => {
    const result = trueFalseKeyBalance([tf('a', false), tf('b', false), tf('c', false), tf('d', true), single('s', [['x', true]])]);
    expect(result).toEqual({ total: 4, byKey: { true: 1, false: 3 }, share: 0.75, majorityKey: 'false', offenders: ['a', 'b', 'c'] });
  });

  it('is 0.5 on a balanced set and empty without items', () => {
    expect(trueFalseKeyBalance([tf('a', true), tf('b', false)]).share).toBe(0.5);
    expect(trueFalseKeyBalance([])).toMatchObject({ total: 0, share: 0, majorityKey: null });
  });
});

describe('multipleSelectPatterns', () => {
  it('flags multiple-select items that all have the same number of correct options', () => {
    const same = [multiple('a', [true, true, true, false]), multiple('b', [false, true, true, true])];
    expect(multipleSelectPatterns(same)).toEqual({ total: 2, patterns: { '3 of 4': 2 }, allShareOne: true });
  });

  it('passes once the patterns differ, and never flags a single item', () => {
    expect(multipleSelectPatterns([multiple('a', [true, true, true, false]), multiple('b', [true, false, true, false])]).allShareOne).toBe(false);
    expect(multipleSelectPatterns([multiple('a', [true, false])]).allShareOne).toBe(false);
    expect(keyPattern(multiple('a', [true, false, false]))).toBe('1 of 3');
  });
});

describe('near-copy stems', () => {
  it('drops stop words and case before comparing', () => {
    expect([...contentTokens('¿Qué DEBE hacer el agente con el DNI de la denunciante?')]).toEqual(['hacer', 'agente', 'dni', 'denunciante']);
    expect([...contentTokens('Art. 129-A of the Penal Code')]).toEqual(['art', '129-a', 'penal', 'code']);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('reports knowledge-test stems that reword a quiz stem, with the pair and the language', () => {
    const quiz = [{ key: 'm01.q01', prompt: t('Una mujer trans llega a la comisaría a denunciar un robo. Su DNI muestra otro nombre. ¿Qué hace?', 'A trans woman reports a robbery; her DNI shows another name.') }];
    const test = [
      { key: 'kt.01', prompt: t('Llega a la comisaría una mujer trans a denunciar un robo y su DNI muestra otro nombre. ¿Qué hace usted?', 'Unrelated English wording here.') },
      { key: 'kt.02', prompt: t('Un sereno encuentra condones en la cartera de una trabajadora sexual durante un operativo.') },
    ];
    const pairs = nearCopyStems(test, quiz);
    expect(pairs).toEqual([{ testKey: 'kt.01', quizKey: 'm01.q01', locale: 'es', similarity: expect.any(Number) }]);
    expect(pairs[0]!.similarity).toBeGreaterThanOrEqual(0.5);
    expect(nearCopyStems(test.slice(1), quiz)).toEqual([]);
  });
});

describe('longestBestChoice', () => {
  const scenario = (choices: [string, number][][]): Scenario => ({
    key: 'sc.x',
    title: t('x'),
    audience: 'all',
    intro: t('x'),
    start: 'n0',
    nodes: [
      ...choices.map((node, n) => ({
        key: `n${n}`,
        kind: 'decision' as const,
        situation: t('s'),
        choices: node.map(([text, points], i) => ({ key: 'abcd'[i]!, text: t(text), feedback: t('f'), points, next: 'end' })),
      })),
      { key: 'end', kind: 'ending' as const, outcome: 'good' as const, summary: t('fin') },
    ],
  });

  it('counts decisions where a best-scoring choice is the longest (ties count)', () => {
    const result = longestBestChoice([scenario([
      [['la mejor y más larga', 2], ['mala', 0]],
      [['buena', 2], ['igual', 0]], // tie in length with a best choice
      [['corta', 2], ['una opción mala muy larga', 0]],
      [['todas valen igual', 1], ['igual', 1]], // no best choice: not counted
    ])], 'es');
    expect(result).toEqual({ total: 3, count: 2, share: 2 / 3, offenders: ['sc.x/n0', 'sc.x/n1'] });
  });
});

describe('position references in feedback', () => {
  it.each([
    'Correcto: como dice la opción b, se recibe la denuncia.',
    'Las opciones c y d también son correctas.',
    'La opción a.',
    'Igual que la primera opción.',
    'Option a is wrong because…',
    'As in the previous answer, she decides.',
    'None of the above applies.',
    'Marque todas las anteriores.',
    'Ver a) y b) arriba.',
  ])('finds one in %j', (text) => expect(findPositionReference(text)).toBeDefined());

  it.each([
    'Es una alternativa a la detención.',
    'La primera respuesta importa: atienda su salud.',
    'Tiene opciones a su alcance.',
    'Options a learner may consider.',
    'Constitución, art. 2, inciso 24, literal f.',
    'The first response matters.',
  ])('finds none in %j', (text) => expect(findPositionReference(text)).toBeUndefined());

  it('lists every option and scenario-choice feedback with where it is', () => {
    const question = single('q1', [['x', true], ['y', false]]);
    question.options[1]!.feedback = t('Incorrecto; vea la opción c.', 'Wrong; see option c.');
    const texts = feedbackTexts([question], []);
    expect(texts.map((x) => x.at)).toEqual(['q1/a.feedback.es', 'q1/a.feedback.en', 'q1/b.feedback.es', 'q1/b.feedback.en']);
    expect(positionReferences(texts)).toEqual([
      { at: 'q1/b.feedback.es', match: 'opción c' },
      { at: 'q1/b.feedback.en', match: 'option c' },
    ]);
  });
});
