import { type Course, type Locale, courseTextTree, localize, type ScenarioNode, toLearnerScenarioNode, walkScenario } from '#curriculum';
import { notFound } from '../common/app-exception.js';
import type { ScenarioRunDto } from './journey.dto.js';

/** The learner's view of a play-through: the steps taken with their feedback, and the current decision or the ending. */
export function describeRun(course: Course, scenarioKey: string, choices: string[], locale: Locale, seed: number | null): ScenarioRunDto {
  const scenario = course.scenarios.find((s) => s.key === scenarioKey);
  if (!scenario) throw notFound('Scenario');
  const walk = walkScenario(scenario, choices, locale);
  const nodes = new Map(scenario.nodes.map((n) => [n.key, n] as const));
  const current = nodes.get(walk.path[walk.path.length - 1])!;
  return {
    scenarioKey,
    title: localize(scenario.title, locale),
    intro: courseTextTree(scenario.intro, locale),
    steps: walk.steps.map((s) => {
      const node = nodes.get(s.nodeKey);
      const choice = node?.kind === 'decision' ? node.choices.find((c) => c.key === s.choiceKey) : undefined;
      return {
        nodeKey: s.nodeKey, choiceKey: s.choiceKey, choiceText: choice ? localize(choice.text, locale) : s.choiceKey, feedback: s.feedback, points: s.points,
        critical: s.critical,
      };
    }),
    // A finished run shows the ending its whole path led to (chosen from score and critical errors, or a fixed
    // ending node in older course versions).
    current: walk.complete && walk.ending ? endingView(scenario, walk.ending.key, walk.ending.outcome, locale) : nodeView(current, locale, seed),
    finished: walk.complete,
    score: walk.score,
    maxScore: walk.maxScore,
  };
}

/** Texts travel parsed (the learner's page has no Markdown parser); choices in the play-through's order. */
function nodeView(node: ScenarioNode, locale: Locale, seed: number | null): ScenarioRunDto['current'] {
  if (node.kind === 'ending') return { key: node.key, kind: 'ending', outcome: node.outcome, summary: courseTextTree(node.summary, locale) };
  const view = toLearnerScenarioNode(node, locale, seed);
  return { key: node.key, kind: 'decision', situation: courseTextTree(node.situation, locale), choices: view.kind === 'decision' ? view.choices : [] };
}

/** The ending a finished path led to: chosen from the path (scenario endings), or a fixed ending node in older versions. */
function endingView(scenario: Course['scenarios'][number], key: string, outcome: 'good' | 'mixed' | 'poor', locale: Locale): ScenarioRunDto['current'] {
  const text = scenario.endings?.find((e) => e.key === key)?.summary ?? scenario.nodes.flatMap((n) => (n.kind === 'ending' && n.key === key ? [n.summary] : []))[0];
  return { key, kind: 'ending', outcome, summary: text ? courseTextTree(text, locale) : [] };
}
