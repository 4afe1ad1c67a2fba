// Learner views must never carry an answer key, whatever the content says.
import { fixtureRawCourse } from '../test/course-fixture.js';
import { parseCourse } from './course-rules.js';
import type { Course, Locale } from './course-schema.js';
import {
  toCourseOutline,
  toLearnerAttitudeInstrument,
  toLearnerKnowledgeTest,
  toLearnerLesson,
  toLearnerQuiz,
  toLearnerScenarioIntro,
  toLearnerScenarioNode,
} from './learner-view.js';
import { defaultContentDir, loadCourseFromDirectory } from './load-course.js';

const FORBIDDEN = /"(correct|isCorrect|feedback|reverse|points|critical|score|next|subscale|subscales|correctOptionKeys|explanations)"\s*:/;

function fixtureCourse(): Course {
  const result = parseCourse(fixtureRawCourse());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.course;
}

function everyLearnerView(course: Course, locale: Locale): unknown[] {
  return [
    toCourseOutline(course, locale),
    toLearnerKnowledgeTest(course.knowledgeTest, locale),
    toLearnerAttitudeInstrument(course.attitudeInstrument, locale),
    ...course.modules.map((module) => toLearnerQuiz(module.quiz, locale)),
    ...course.modules.flatMap((module) => module.lessons.map((lesson) => toLearnerLesson(lesson, locale))),
    ...course.scenarios.map((scenario) => toLearnerScenarioIntro(scenario, locale)),
    ...course.scenarios.flatMap((scenario) => scenario.nodes.map((node) => toLearnerScenarioNode(node, locale))),
  ];
}

const courses: [string, () => Course][] = [
  ['fixture', fixtureCourse],
  [
    'real course',
    () => {
      const loaded = loadCourseFromDirectory(defaultContentDir());
      if (!loaded.course) throw new Error(`the real course does not load: ${loaded.problems.length} problems`);
      return loaded.course;
    },
  ],
];

describe.each(courses)('learner views of the %s', (_name, load) => {
  it.each(['es', 'en'] as const)('contain no answer-key field (%s)', (locale) => {
    const course = load();
    for (const view of everyLearnerView(course, locale)) {
      const json = JSON.stringify(view);
      expect(json).not.toMatch(FORBIDDEN);
    }
  });

  it('are plain localized strings in the chosen language', () => {
    const course = load();
    const es = toLearnerQuiz(course.modules[0].quiz, 'es');
    const en = toLearnerQuiz(course.modules[0].quiz, 'en');
    expect(es.questions[0].prompt).toBe(course.modules[0].quiz.questions[0].prompt.es);
    expect(en.questions[0].prompt).toBe(course.modules[0].quiz.questions[0].prompt.en);
    expect(en.questions[0].options.map((option) => Object.keys(option).sort())).toEqual(en.questions[0].options.map(() => ['key', 'text']));
  });

  it('outline follows the unlock order and counts what the learner will meet', () => {
    const course = load();
    const outline = toCourseOutline(course, 'es');
    expect(outline.modules.map((module) => module.key)).toEqual(course.moduleOrder);
    const first = course.modules.find((module) => module.key === course.moduleOrder[0])!;
    expect(outline.modules[0]).toMatchObject({
      lessons: first.lessons.map((lesson) => ({ key: lesson.key, title: lesson.title.es })),
      quiz: { key: first.quiz.key, passMark: first.quiz.passMark, maxAttempts: first.quiz.maxAttempts, questionCount: first.quiz.questions.length },
    });
    expect(outline.hours).toBe(course.hours);
  });

  it('attitude view numbers the scale 1..5 and hides subscales', () => {
    const view = toLearnerAttitudeInstrument(load().attitudeInstrument, 'en');
    expect(view.scale.map((point) => point.value)).toEqual([1, 2, 3, 4, 5]);
    expect(view.items.every((item) => Object.keys(item).sort().join() === 'key,text')).toBe(true);
  });
});

describe('toLearnerScenarioNode', () => {
  it('keeps choice keys and texts only', () => {
    const node = fixtureCourse().scenarios[0].nodes[0];
    expect(toLearnerScenarioNode(node, 'en')).toEqual({
      key: 'n1',
      kind: 'decision',
      situation: 'Situation n1',
      choices: [
        { key: 'a', text: 'Choose a' },
        { key: 'b', text: 'Choose b' },
      ],
    });
  });
});
