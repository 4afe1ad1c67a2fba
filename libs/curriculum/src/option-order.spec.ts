import { fixtureRawCourse } from '../test/course-fixture.js';
import { parseCourse } from './course-rules.js';
import { gradeQuiz } from './grading.js';
import { toLearnerQuiz } from './learner-view.js';
import { orderOptions, seededOrder } from './option-order.js';

const keys = ['a', 'b', 'c', 'd'];

describe('per-attempt option order', () => {
  it('is a permutation, the same for the same seed and salt', () => {
    for (let seed = 1; seed < 200; seed++) {
      const order = seededOrder(keys, seed, 'm01.q01');
      expect([...order].sort()).toEqual(keys);
      expect(seededOrder(keys, seed, 'm01.q01')).toEqual(order);
    }
  });

  it('varies with the seed and with the question, and puts every option first about equally often', () => {
    const firsts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    const distinct = new Set<string>();
    for (let seed = 1; seed <= 4000; seed++) {
      const order = seededOrder(keys, seed, 'kt.05');
      firsts[order[0]!]! += 1;
      distinct.add(order.join(''));
    }
    expect(distinct.size).toBe(24);
    for (const count of Object.values(firsts)) expect(Math.abs(count - 1000)).toBeLessThan(120);
    const sameSeed = Array.from({ length: 50 }, (_, i) => seededOrder(keys, 7, `q${i}`).join(''));
    expect(new Set(sameSeed).size).toBeGreaterThan(10);
  });

  it('keeps true/false as "true" then "false", and the file order without a seed', () => {
    const tf = [{ key: 'false' }, { key: 'true' }];
    expect(orderOptions('trueFalse', tf, 99, 'x').map((o) => o.key)).toEqual(['true', 'false']);
    expect(orderOptions('single', keys.map((key) => ({ key })), null, 'x').map((o) => o.key)).toEqual(keys);
  });

  it('changes what the learner sees, never the grade', () => {
    const parsed = parseCourse(fixtureRawCourse());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const quiz = parsed.course.modules[0]!.quiz;
    const right = Object.fromEntries(quiz.questions.map((q) => [q.key, q.options.filter((o) => o.correct).map((o) => o.key)]));
    const orders = [11, 12, 13].map((seed) => toLearnerQuiz(quiz, 'es', seed).questions.map((q) => q.options.map((o) => o.key).join('')).join('|'));
    expect(new Set(orders).size).toBeGreaterThan(1);
    for (const seed of [11, 12, 13]) {
      const view = toLearnerQuiz(quiz, 'es', seed);
      expect(view.questions.map((q) => q.key)).toEqual(quiz.questions.map((q) => q.key));
      expect(gradeQuiz(quiz, right).score).toBe(1);
    }
  });
});
