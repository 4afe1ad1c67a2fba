// Content rules for the shipped scenarios (the engine's own rules are in scenario-endings.spec.ts).
import type { Course, DecisionNode, Locale } from './course-schema.js';
import { walkScenario } from './grading.js';
import { defaultContentDir, loadCourseFromDirectory } from './load-course.js';
import { validateScenarioGraph } from './scenario-graph.js';

/** The best choice of a decision may be its longest one in at most this share of decisions (per scenario and language). */
export const MAX_LONGEST_IS_BEST = 0.4;

let loaded: Course | undefined;
function course(): Course {
  if (!loaded) {
    const result = loadCourseFromDirectory(defaultContentDir());
    if (!result.course) throw new Error(`the course does not load: ${JSON.stringify(result.problems.slice(0, 3))}`);
    loaded = result.course;
  }
  return loaded;
}

const decisions = (nodes: Course['scenarios'][number]['nodes']) => nodes.filter((n): n is DecisionNode => n.kind === 'decision');

/** Decisions where a choice with the most points is also the longest text. */
function longestIsBest(nodes: DecisionNode[], locale: Locale): string[] {
  return nodes.filter((node) => {
    const best = Math.max(...node.choices.map((c) => c.points));
    const longest = Math.max(...node.choices.map((c) => c.text[locale].length));
    return node.choices.some((c) => c.points === best && c.text[locale].length === longest);
  }).map((node) => node.key);
}

describe('shipped scenarios', () => {
  it('choose every ending from the whole path: no fixed ending nodes, and graph checks pass', () => {
    for (const scenario of course().scenarios) {
      expect({ scenario: scenario.key, endingNodes: scenario.nodes.filter((n) => n.kind === 'ending').map((n) => n.key) }).toEqual({ scenario: scenario.key, endingNodes: [] });
      expect({ scenario: scenario.key, problems: validateScenarioGraph(scenario) }).toEqual({ scenario: scenario.key, problems: [] });
      expect(scenario.endings?.some((e) => e.when.critical === true)).toBe(true);
    }
  });

  it.each(['es', 'en'] as const)('do not give the best choice away by its length (%s)', (locale) => {
    for (const scenario of course().scenarios) {
      const nodes = decisions(scenario.nodes);
      const hits = longestIsBest(nodes, locale);
      const share = hits.length / nodes.length;
      expect({ scenario: scenario.key, share: share <= MAX_LONGEST_IS_BEST ? 'ok' : `${hits.length}/${nodes.length}: ${hits.join(', ')}` }).toEqual({ scenario: scenario.key, share: 'ok' });
    }
  });

  it('end well only when the learner chose well: the best path is good, a harmful start with a good last choice is not', () => {
    for (const scenario of course().scenarios) {
      const pick = (choose: (node: DecisionNode) => string) => {
        const keys: string[] = [];
        for (let walk = walkScenario(scenario, keys); !walk.complete; walk = walkScenario(scenario, keys)) {
          const node = scenario.nodes.find((n) => n.key === walk.path[walk.path.length - 1]) as DecisionNode;
          keys.push(choose(node));
        }
        return walkScenario(scenario, keys);
      };
      const best = pick((node) => [...node.choices].sort((a, b) => b.points - a.points)[0]!.key);
      expect({ scenario: scenario.key, outcome: best.ending?.outcome, critical: best.critical }).toEqual({ scenario: scenario.key, outcome: 'good', critical: false });
      // Worst everywhere except a best last decision: never "good" (the review's finding: endings followed the last choice).
      let last = '';
      const worstThenBest = pick((node) => {
        last = node.key;
        const ends = node.choices.every((c) => c.next === undefined);
        return [...node.choices].sort((a, b) => (ends ? b.points - a.points : a.points - b.points))[0]!.key;
      });
      expect({ scenario: scenario.key, last, outcome: worstThenBest.ending?.outcome }).toEqual({ scenario: scenario.key, last, outcome: 'poor' });
    }
  });
});
