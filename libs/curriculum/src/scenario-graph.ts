// Scenario graphs: learners walk from `start` to an ending; a broken graph strands them mid-story.
import type { DecisionNode, Scenario, ScenarioNode } from './course-schema.js';
import type { Problem } from './problems.js';
import { checkPathEndings } from './scenario-endings.js';

export const MIN_DECISIONS_ON_LONGEST_PATH = 4;
export const MIN_ENDINGS = 2;

export function nodeMap(scenario: Scenario): Map<string, ScenarioNode> {
  const map = new Map<string, ScenarioNode>();
  for (const node of scenario.nodes) if (!map.has(node.key)) map.set(node.key, node);
  return map;
}

const successors = (node: ScenarioNode, nodes: Map<string, ScenarioNode>): string[] =>
  node.kind === 'decision' ? [...new Set(node.choices.flatMap((c) => (c.next === undefined ? [] : [c.next])))].filter((key) => nodes.has(key)) : [];

/** Longest-path style fold over an acyclic graph; returns undefined when a cycle is met. `best(undefined)`: the case ends. */
function foldFromStart(scenario: Scenario, leaf: (node: ScenarioNode) => number, step: (node: DecisionNode, best: (next: string | undefined) => number) => number): number | undefined {
  const nodes = nodeMap(scenario);
  const memo = new Map<string, number>();
  const onStack = new Set<string>();
  let cyclic = false;
  const visit = (key: string | undefined): number => {
    if (key === undefined) return 0;
    const node = nodes.get(key);
    if (!node) return Number.NEGATIVE_INFINITY;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    if (onStack.has(key)) {
      cyclic = true;
      return Number.NEGATIVE_INFINITY;
    }
    onStack.add(key);
    const value = node.kind === 'ending' ? leaf(node) : step(node, visit);
    onStack.delete(key);
    memo.set(key, value);
    return value;
  };
  const result = visit(scenario.start);
  return cyclic || !Number.isFinite(result) ? undefined : result;
}

/** Best achievable sum of choice points from start to an ending (undefined if the graph is broken). */
export function scenarioMaxScore(scenario: Scenario): number | undefined {
  return foldFromStart(
    scenario,
    () => 0,
    (node, best) => Math.max(...node.choices.map((choice) => choice.points + best(choice.next))),
  );
}

/** Number of decisions on the longest path from start (undefined if the graph is broken). */
export function longestDecisionPath(scenario: Scenario): number | undefined {
  return foldFromStart(
    scenario,
    () => 0,
    (node, best) => 1 + Math.max(...node.choices.map((choice) => best(choice.next))),
  );
}

/** All graph problems, with paths relative to the scenario (e.g. `nodes[3].choices[1].next`). */
export function validateScenarioGraph(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const nodes = new Map<string, ScenarioNode>();
  scenario.nodes.forEach((node, index) => {
    if (nodes.has(node.key)) problems.push({ path: `nodes[${index}].key`, message: `node key "${node.key}" is used twice in this scenario` });
    else nodes.set(node.key, node);
  });
  const indexOf = new Map<string, number>();
  scenario.nodes.forEach((node, index) => {
    if (!indexOf.has(node.key)) indexOf.set(node.key, index);
  });

  scenario.nodes.forEach((node, index) => {
    if (node.kind !== 'decision') return;
    node.choices.forEach((choice, choiceIndex) => {
      if (choice.next !== undefined && !nodes.has(choice.next)) {
        problems.push({ path: `nodes[${index}].choices[${choiceIndex}].next`, message: `"${choice.next}" is not a node of this scenario` });
      }
    });
  });

  if (!nodes.has(scenario.start)) {
    problems.push({ path: 'start', message: `start node "${scenario.start}" is not a node of this scenario` });
  } else {
    const reached = new Set<string>([scenario.start]);
    const queue = [scenario.start];
    while (queue.length > 0) {
      const node = nodes.get(queue.shift()!)!;
      for (const next of successors(node, nodes)) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const [key, index] of indexOf) {
      if (!reached.has(key)) problems.push({ path: `nodes[${index}]`, message: `node "${key}" cannot be reached from start "${scenario.start}"` });
    }
  }

  // Cycles: depth-first search over every node, reporting the choice that closes each loop.
  const state = new Map<string, 'active' | 'done'>();
  const trail: string[] = [];
  const dfs = (key: string): void => {
    state.set(key, 'active');
    trail.push(key);
    const node = nodes.get(key)!;
    if (node.kind === 'decision') {
      node.choices.forEach((choice, choiceIndex) => {
        if (choice.next === undefined || !nodes.has(choice.next)) return;
        const seen = state.get(choice.next);
        if (seen === 'active') {
          const loop = [...trail.slice(trail.indexOf(choice.next)), choice.next].join(' → ');
          problems.push({
            path: `nodes[${indexOf.get(key)}].choices[${choiceIndex}].next`,
            message: `leads back to "${choice.next}", making a loop (${loop}); scenarios must always move forward to an ending`,
          });
        } else if (seen === undefined) {
          dfs(choice.next);
        }
      });
    }
    trail.pop();
    state.set(key, 'done');
  };
  if (nodes.has(scenario.start)) dfs(scenario.start);
  for (const key of nodes.keys()) if (!state.has(key)) dfs(key);

  // With no loops and no dangling `next`, every path ends: at an ending node, or at a choice without `next` whose
  // ending follows from the path — and then exactly one of `endings` must match it.
  const graphIsSound = problems.length === 0;
  if (graphIsSound) problems.push(...checkPathEndings(scenario, scenarioMaxScore(scenario) ?? 0));
  const endings = scenario.nodes.filter((node) => node.kind === 'ending').length + (scenario.endings?.length ?? 0);
  if (endings < MIN_ENDINGS) {
    problems.push({ path: 'nodes', message: `a scenario needs at least ${MIN_ENDINGS} endings so choices have consequences; it has ${endings}` });
  }
  const decisions = scenario.nodes.filter((node) => node.kind === 'decision').length;
  const longest = graphIsSound ? longestDecisionPath(scenario) : undefined;
  if (decisions < MIN_DECISIONS_ON_LONGEST_PATH) {
    problems.push({ path: 'nodes', message: `a scenario needs at least ${MIN_DECISIONS_ON_LONGEST_PATH} decision points; it has ${decisions}` });
  } else if (longest !== undefined && longest < MIN_DECISIONS_ON_LONGEST_PATH) {
    problems.push({
      path: 'nodes',
      message: `the longest path from start passes only ${longest} decision points; at least ${MIN_DECISIONS_ON_LONGEST_PATH} are needed`,
    });
  }
  return problems;
}
