// The real course must load cleanly and meet the programme's minimums; every rule must catch a broken copy.
import { fixtureRawCourse } from '../test/course-fixture.js';
import { parseCourse } from './course-rules.js';
import { defaultContentDir, loadCourseFromDirectory } from './load-course.js';
import type { Problem } from './problems.js';
import { longestDecisionPath } from './scenario-graph.js';

// Loaded once: every rule test below works on structuredClone copies of this.
const real = loadCourseFromDirectory(defaultContentDir());

describe('the real course in content/gbv-response', () => {
  it('loads with zero problems', () => {
    expect(real.problems).toEqual([]);
    expect(real.course).not.toBeNull();
  });

  const course = () => {
    if (!real.course) throw new Error('the real course did not load; see the first test');
    return real.course;
  };

  it('has at least 8 modules, in the order course.yaml lists them', () => {
    expect(course().modules.length).toBeGreaterThanOrEqual(8);
    expect(course().modules.map((module) => module.key)).toEqual(course().moduleOrder);
  });

  it('has 2–4 lessons and a quiz of at least 5 questions in every module', () => {
    for (const module of course().modules) {
      expect({ module: module.key, lessons: module.lessons.length >= 2 && module.lessons.length <= 4 }).toEqual({ module: module.key, lessons: true });
      expect({ module: module.key, questions: module.quiz.questions.length >= 5 }).toEqual({ module: module.key, questions: true });
    }
  });

  it('ends with the action plan: only the last lesson of the last module has actionPlan', () => {
    const flagged = course().modules.flatMap((module) => module.lessons.filter((lesson) => lesson.actionPlan).map((lesson) => lesson.key));
    const lastModule = course().modules[course().modules.length - 1];
    expect(flagged).toEqual([lastModule?.lessons[lastModule.lessons.length - 1]?.key]);
  });

  it('mixes question types in every quiz (FORMAT.md: "mix of single, multiple, trueFalse")', () => {
    for (const module of course().modules) {
      const types = new Set(module.quiz.questions.map((question) => question.type));
      expect({ quiz: module.quiz.key, types: types.size >= 2 }).toEqual({ quiz: module.quiz.key, types: true });
    }
  });

  it('has a knowledge test of at least 15 items that covers every module', () => {
    const { items } = course().knowledgeTest;
    expect(items.length).toBeGreaterThanOrEqual(15);
    const covered = new Set(items.map((item) => item.module));
    expect(course().moduleOrder.filter((key) => !covered.has(key))).toEqual([]);
  });

  it('has an attitude instrument of ≥ 24 items in ≥ 4 subscales, 25–45 % reverse-keyed', () => {
    const instrument = course().attitudeInstrument;
    expect(instrument.items.length).toBeGreaterThanOrEqual(24);
    expect(new Set(instrument.items.map((item) => item.subscale)).size).toBeGreaterThanOrEqual(4);
    const reverseShare = instrument.items.filter((item) => item.reverse).length / instrument.items.length;
    expect(reverseShare).toBeGreaterThanOrEqual(0.25);
    expect(reverseShare).toBeLessThanOrEqual(0.45);
  });

  it('has at least 3 scenarios, each with at least 4 decision points on its longest path', () => {
    expect(course().scenarios.length).toBeGreaterThanOrEqual(3);
    for (const scenario of course().scenarios) {
      expect({ scenario: scenario.key, decisions: longestDecisionPath(scenario) }).toEqual({
        scenario: scenario.key,
        decisions: expect.any(Number),
      });
      expect(longestDecisionPath(scenario)).toBeGreaterThanOrEqual(4);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

type Raw = ReturnType<typeof fixtureRawCourse>;
// The tests edit plain data; typing it loosely keeps each mutation to one readable line.
type Any = any;

const problemsOf = (raw: unknown): Problem[] => {
  const result = parseCourse(raw);
  return result.ok ? [] : result.problems;
};

const expectProblem = (problems: Problem[], path: string, message: RegExp) =>
  expect(problems).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));

const bases: [string, () => Raw][] = [
  ['fixture', fixtureRawCourse],
  ['real course', () => structuredClone(real.raw) as Raw],
];

describe.each(bases)('rules on a broken copy of the %s', (name, base) => {
  const broken = (mutate: (raw: Any) => void): Problem[] => {
    const raw = structuredClone(base()) as Any;
    mutate(raw);
    return problemsOf(raw);
  };

  if (name === 'fixture') {
    it('the unbroken fixture is valid', () => expect(problemsOf(base())).toEqual([]));
  }

  it('missing English text', () => {
    const problems = broken((raw) => delete raw.modules[0].lessons[0].title.en);
    expectProblem(problems, 'modules[0].lessons[0].title.en', /required/);
  });

  it('blank Spanish text', () => {
    const problems = broken((raw) => (raw.modules[0].summary.es = '   '));
    expectProblem(problems, 'modules[0].summary.es', /empty/);
  });

  it('duplicate key across files', () => {
    const problems = broken((raw) => (raw.modules[1].quiz.questions[0].key = raw.modules[0].quiz.questions[0].key));
    expectProblem(problems, 'modules[1].quiz.questions[0].key', /already used at modules\[0\]\.quiz\.questions\[0\]\.key/);
  });

  it('badly formed key', () => {
    const problems = broken((raw) => (raw.modules[0].lessons[0].key = 'M01 L01'));
    expectProblem(problems, 'modules[0].lessons[0].key', /lowercase/);
  });

  it('unknown field (typo)', () => {
    const problems = broken((raw) => (raw.modules[0].lessons[0].sorces = []));
    expectProblem(problems, 'modules[0].lessons[0]', /unknown field "sorces"/);
  });

  it('two correct options on a single-choice question', () => {
    const problems = broken((raw) => {
      const question = raw.modules[0].quiz.questions[0];
      question.type = 'single';
      question.options = question.options.length >= 2 ? question.options : [...question.options, ...question.options];
      question.options.forEach((option: Any, i: number) => ((option.correct = true), (option.key = `o${i}`)));
    });
    expectProblem(problems, 'modules[0].quiz.questions[0].options', /exactly one correct option; \d+ are marked correct/);
  });

  it('no correct option on a multiple-choice question', () => {
    const problems = broken((raw) => {
      const question = raw.knowledgeTest.items[0];
      question.type = 'multiple';
      question.options.forEach((option: Any) => (option.correct = false));
    });
    expectProblem(problems, 'knowledgeTest.items[0].options', /at least one correct option/);
  });

  it('true/false options not keyed "true" and "false"', () => {
    const problems = broken((raw) => {
      const question = raw.modules[0].quiz.questions[0];
      question.type = 'trueFalse';
      question.options = [
        { ...question.options[0], key: 'si', correct: true },
        { ...question.options[1], key: 'no', correct: false },
      ];
    });
    expectProblem(problems, 'modules[0].quiz.questions[0].options', /"true" and "false"/);
  });

  it('option without feedback', () => {
    const problems = broken((raw) => delete raw.modules[0].quiz.questions[0].options[0].feedback);
    expectProblem(problems, 'modules[0].quiz.questions[0].options[0].feedback', /required/);
  });

  it('pass mark written as a percentage', () => {
    const problems = broken((raw) => (raw.modules[0].quiz.passMark = 80));
    expectProblem(problems, 'modules[0].quiz.passMark', /at most 1/);
  });

  it('quiz with fewer than 5 questions', () => {
    const problems = broken((raw) => raw.modules[0].quiz.questions.splice(4));
    expectProblem(problems, 'modules[0].quiz.questions', /at least 5 items \(has 4 items\)/);
  });

  const startNode = (scenario: Any) => scenario.nodes.find((node: Any) => node.key === scenario.start);

  it('dangling next', () => {
    const problems = broken((raw) => (startNode(raw.scenarios[0]).choices[0].next = 'nowhere'));
    const index = base().scenarios[0].nodes.findIndex((node) => node.key === base().scenarios[0].start);
    expectProblem(problems, `scenarios[0].nodes[${index}].choices[0].next`, /"nowhere" is not a node/);
  });

  it('unreachable node', () => {
    let index = -1;
    const problems = broken((raw) => {
      index = raw.scenarios[0].nodes.push({ key: 'orphan', kind: 'ending', outcome: 'mixed', summary: { es: 'Fin', en: 'End' } }) - 1;
    });
    expectProblem(problems, `scenarios[0].nodes[${index}]`, /"orphan" cannot be reached from start/);
  });

  it('cycle', () => {
    let at = '';
    const problems = broken((raw) => {
      const scenario = raw.scenarios[0];
      const second = scenario.nodes.find((node: Any) => node.key === startNode(scenario).choices[0].next);
      expect(second.kind).toBe('decision');
      second.choices[0].next = scenario.start;
      at = `scenarios[0].nodes[${scenario.nodes.indexOf(second)}].choices[0].next`;
    });
    expectProblem(problems, at, /loop/);
  });

  it('fewer than 2 endings', () => {
    const problems = broken((raw) => {
      const scenario = raw.scenarios[0];
      // Endings chosen from the path: one ending that matches every path.
      if (scenario.endings) return void (scenario.endings = [{ ...scenario.endings[0], when: {} }]);
      const endings = scenario.nodes.filter((node: Any) => node.kind === 'ending');
      const endingKeys = new Set(endings.map((node: Any) => node.key));
      for (const node of scenario.nodes) {
        if (node.kind === 'decision') for (const choice of node.choices) if (endingKeys.has(choice.next)) choice.next = endings[0].key;
      }
      scenario.nodes = scenario.nodes.filter((node: Any) => node.kind === 'decision' || node === endings[0]);
    });
    expectProblem(problems, 'scenarios[0].nodes', /at least 2 endings/);
  });

  it('fewer than 4 decision points on the longest path', () => {
    const problems = broken((raw) => {
      const scenario = raw.scenarios[0];
      // Endings chosen from the path: the first decision ends the case.
      if (scenario.endings) return void (scenario.nodes = [{ ...startNode(scenario), choices: startNode(scenario).choices.map(({ next: _next, ...c }: Any) => c) }]);
      const endings = scenario.nodes.filter((node: Any) => node.kind === 'ending');
      scenario.nodes = [
        { ...startNode(scenario), choices: startNode(scenario).choices.map((c: Any, i: number) => ({ ...c, next: endings[i % endings.length].key })) },
        ...endings,
      ];
    });
    expectProblem(problems, 'scenarios[0].nodes', /decision points/);
  });

  it('module scenario that does not exist', () => {
    const problems = broken((raw) => (raw.modules[0].scenario = 'sc.nope'));
    expectProblem(problems, 'modules[0].scenario', /"sc.nope" does not exist/);
  });

  it('module missing from course.yaml, and course.yaml listing a missing module', () => {
    const problems = broken((raw) => {
      raw.moduleOrder = raw.moduleOrder.filter((key: string) => key !== raw.modules[0].key);
      raw.moduleOrder.push('m99-fantasma');
    });
    expectProblem(problems, 'modules[0].key', /not in course.yaml's module list/);
    expectProblem(problems, `moduleOrder[${base().moduleOrder.length - 1}]`, /no module with that key/);
  });

  it('lesson too short', () => {
    const problems = broken((raw) => (raw.modules[0].lessons[0].body.es = 'Demasiado corto.'));
    expectProblem(problems, 'modules[0].lessons[0].body.es', /has 2 words; lessons need 300–900/);
  });

  it('lesson too long', () => {
    const problems = broken((raw) => (raw.modules[0].lessons[0].body.en = 'word '.repeat(950)));
    expectProblem(problems, 'modules[0].lessons[0].body.en', /has 950 words/);
  });

  it('action plan on two lessons', () => {
    const problems = broken((raw) => {
      raw.modules[0].lessons[0].actionPlan = true;
      raw.modules[1].lessons[1].actionPlan = true;
    });
    expectProblem(problems, 'modules[1].lessons[1].actionPlan', /only one lesson in a course may have actionPlan: true \(modules\[0\]\.lessons\[0\] already has it\)/);
  });

  it('action plan that is not a boolean', () => {
    const problems = broken((raw) => (raw.modules[0].lessons[0].actionPlan = 'yes'));
    expectProblem(problems, 'modules[0].lessons[0].actionPlan', /must be true or false/);
  });

  it('legal claim without a source', () => {
    const problems = broken((raw) => {
      const lesson = raw.modules[0].lessons[0];
      lesson.sources = [];
      lesson.body.es += '\n\nLa Ley 30364 protege a las mujeres.';
      lesson.body.en += '\n\nLaw 30364 protects women.';
    });
    expectProblem(problems, 'modules[0].lessons[0].sources', /cites .* but the lesson lists no sources/);
  });

  it('statistic without a source', () => {
    const problems = broken((raw) => {
      const lesson = raw.modules[0].lessons[0];
      lesson.sources = [];
      lesson.body.es = `${'palabra '.repeat(310)} El 51 % de las mujeres.`;
      lesson.body.en = `${'word '.repeat(310)} 51% of women.`;
    });
    expectProblem(problems, 'modules[0].lessons[0].sources', /percentage/);
  });

  it('source with an impossible review date', () => {
    const problems = broken((raw) => {
      const lesson = raw.modules.flatMap((module: Any) => module.lessons).find((l: Any) => l.sources?.length);
      lesson.sources[0].reviewedOn = '2026-13-01';
    });
    expect(problems.some((p) => /sources\[0\]\.reviewedOn$/.test(p.path) && /YYYY-MM-DD/.test(p.message))).toBe(true);
  });

  it('knowledge item with an unknown module', () => {
    const problems = broken((raw) => (raw.knowledgeTest.items[0].module = 'm99-fantasma'));
    expectProblem(problems, 'knowledgeTest.items[0].module', /"m99-fantasma" does not exist/);
  });

  it('attitude item in an unknown subscale, and a scale without 5 labels', () => {
    const problems = broken((raw) => {
      raw.attitudeInstrument.items[0].subscale = 'nope';
      raw.attitudeInstrument.scale.pop();
    });
    expectProblem(problems, 'attitudeInstrument.scale', /exactly 5 items/);
    // The subscale refinement runs once the shape is right:
    const second = broken((raw) => (raw.attitudeInstrument.items[0].subscale = 'nope'));
    expectProblem(second, 'attitudeInstrument.items[0].subscale', /"nope" is not one of the instrument's subscales/);
  });

  it('reports schema and cross-file problems together, all at once', () => {
    const problems = broken((raw) => {
      delete raw.modules[0].title.en;
      raw.knowledgeTest.items[0].module = 'm99-fantasma';
      startNode(raw.scenarios[0]).choices[0].next = 'nowhere';
    });
    expectProblem(problems, 'modules[0].title.en', /required/);
    expectProblem(problems, 'knowledgeTest.items[0].module', /does not exist/);
    expect(problems.some((p) => p.path.startsWith('scenarios[0].nodes') && /"nowhere"/.test(p.message))).toBe(true);
  });
});

describe('parseCourse on junk', () => {
  it('explains what is missing instead of throwing', () => {
    expect(parseCourse(null)).toEqual({ ok: false, problems: [{ path: '', message: 'must be a group of fields, not null' }] });
    const result = parseCourse({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path: 'title', message: 'is required' });
  });
});
