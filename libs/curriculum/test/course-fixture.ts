// A small, valid course built in memory, so the rules can be tested independently of the real content.
// Lives outside src/ so it never ships in the build.

const text = (es: string, en: string) => ({ es, en });

// Lesson bodies must be 300–900 words per language.
const body = (topic: string, words = 320) => ({
  es: `## ${topic}\n\n${Array.from({ length: words }, (_, i) => `palabra${i}`).join(' ')}`,
  en: `## ${topic}\n\n${Array.from({ length: words }, (_, i) => `word${i}`).join(' ')}`,
});

const option = (key: string, correct: boolean) => ({
  key,
  text: text(`Opción ${key}`, `Option ${key}`),
  correct,
  feedback: text(correct ? 'Correcto, porque…' : 'No, porque…', correct ? 'Right, because…' : 'No, because…'),
});

const question = (key: string, type: 'single' | 'multiple' | 'trueFalse') => ({
  key,
  type,
  prompt: text(`Pregunta ${key}`, `Question ${key}`),
  options:
    type === 'trueFalse'
      ? [option('true', false), option('false', true)]
      : type === 'multiple'
        ? [option('a', true), option('b', true), option('c', false)]
        : [option('a', false), option('b', true), option('c', false)],
});

const TYPES = ['single', 'multiple', 'trueFalse', 'single', 'multiple'] as const;

const moduleFixture = (n: number, scenario?: string) => ({
  key: `m0${n}-tema`,
  title: text(`Módulo ${n}`, `Module ${n}`),
  summary: text('Resumen', 'Summary'),
  estimatedMinutes: 45,
  objectives: [text('Objetivo uno', 'Objective one'), text('Objetivo dos', 'Objective two')],
  ...(scenario ? { scenario } : {}),
  lessons: [
    { key: `m0${n}.l01`, title: text('Lección uno', 'Lesson one'), body: body('Uno') },
    {
      key: `m0${n}.l02`,
      title: text('Lección dos', 'Lesson two'),
      body: {
        es: `${body('Dos').es}\n\nEl Código Penal, arts. 179–181, sanciona a terceros.`,
        en: `${body('Two').en}\n\nThe Penal Code, arts. 179–181, punishes third parties.`,
      },
      sources: [{ citation: 'Código Penal del Perú, arts. 179–181', reviewedOn: '2026-11-01', certainty: 'firm' }],
    },
  ],
  quiz: {
    key: `m0${n}.quiz`,
    passMark: 0.8,
    maxAttempts: 3,
    questions: TYPES.map((type, i) => question(`m0${n}.q0${i + 1}`, type)),
  },
});

const SUBSCALES = ['rights', 'trans', 'myths', 'duty'];

const choice = (key: string, points: number, next: string) => ({
  key,
  text: text(`Elegir ${key}`, `Choose ${key}`),
  feedback: text('Consecuencia', 'Consequence'),
  points,
  next,
});

const decision = (key: string, good: string, bad: string) => ({
  key,
  kind: 'decision',
  situation: text(`Situación ${key}`, `Situation ${key}`),
  choices: [choice('a', 2, good), choice('b', 0, bad)],
});

const ending = (key: string, outcome: 'good' | 'mixed' | 'poor') => ({
  key,
  kind: 'ending',
  outcome,
  summary: text('Final', 'Ending'),
});

/** A fresh valid raw course (same shape loadCourseFromDirectory assembles). */
export function fixtureRawCourse() {
  return {
    key: 'fixture',
    title: text('Curso', 'Course'),
    description: text('Descripción', 'Description'),
    hours: 2,
    moduleOrder: ['m01-tema', 'm02-tema'],
    consent: {
      version: '1',
      title: text('Consentimiento', 'Consent'),
      body: text('Texto {{privacyRules}}', 'Text {{privacyRules}}'),
      privacyRules: text('- Reglas', '- Rules'),
      choices: { evaluation: text('Con evaluación', 'With evaluation'), courseOnly: text('Solo el curso', 'Course only') },
    },
    modules: [moduleFixture(1), moduleFixture(2, 'sc.fixture')],
    knowledgeTest: {
      key: 'kt',
      title: text('Prueba', 'Test'),
      instructions: text('Responde', 'Answer'),
      items: Array.from({ length: 15 }, (_, i) => ({
        ...question(`kt.${String(i + 1).padStart(2, '0')}`, TYPES[i % TYPES.length]),
        module: i % 2 === 0 ? 'm01-tema' : 'm02-tema',
      })),
    },
    attitudeInstrument: {
      key: 'att',
      title: text('Opiniones', 'Opinions'),
      instructions: text('Marca', 'Tick'),
      thenTestInstructions: text('Mirando atrás…', 'Looking back…'),
      scale: [
        text('Totalmente en desacuerdo', 'Strongly disagree'),
        text('En desacuerdo', 'Disagree'),
        text('Ni de acuerdo ni en desacuerdo', 'Neither agree nor disagree'),
        text('De acuerdo', 'Agree'),
        text('Totalmente de acuerdo', 'Strongly agree'),
      ],
      subscales: SUBSCALES.map((key) => ({ key, title: text(key, key) })),
      items: Array.from({ length: 24 }, (_, i) => ({
        key: `att.${SUBSCALES[i % 4]}.${String(i + 1).padStart(2, '0')}`,
        subscale: SUBSCALES[i % 4],
        reverse: i % 3 === 0,
        text: text(`Frase ${i + 1}`, `Statement ${i + 1}`),
      })),
    },
    scenarios: [
      {
        key: 'sc.fixture',
        title: text('Caso', 'Case'),
        audience: 'police',
        intro: text('Introducción', 'Introduction'),
        start: 'n1',
        nodes: [
          decision('n1', 'n2', 'n2'),
          decision('n2', 'n3', 'end-poor'),
          decision('n3', 'n4', 'n4'),
          decision('n4', 'end-good', 'end-mixed'),
          ending('end-good', 'good'),
          ending('end-mixed', 'mixed'),
          ending('end-poor', 'poor'),
        ],
      },
    ],
  };
}
