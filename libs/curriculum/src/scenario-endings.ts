// Endings chosen from the whole path: a cumulative score plus critical-error flags, so a learner who made harmful
// choices early never reads an ending that praises what they did not do.
import type { EndingCondition, PathEnding, Scenario, ScenarioNode } from './course-schema.js';
import type { Problem } from './problems.js';

const EPSILON = 1e-9;

/** Score as a percentage of the best score the graph allows (a graph with nothing to earn counts as 100 %). */
export const scorePercent = (score: number, maxScore: number): number => (maxScore > 0 ? (score * 100) / maxScore : 100);

export function endingMatches(when: EndingCondition, percent: number, critical: boolean): boolean {
  if (when.critical !== undefined && when.critical !== critical) return false;
  if (when.minPercent !== undefined && percent < when.minPercent - EPSILON) return false;
  if (when.belowPercent !== undefined && percent >= when.belowPercent - EPSILON) return false;
  return true;
}

export function matchingEndings(scenario: Scenario, score: number, maxScore: number, critical: boolean): PathEnding[] {
  const percent = scorePercent(score, maxScore);
  return (scenario.endings ?? []).filter((ending) => endingMatches(ending.when, percent, critical));
}

/** The ending a finished path leads to (validated content has exactly one; null only for a broken scenario). */
export function resolveEnding(scenario: Scenario, score: number, maxScore: number, critical: boolean): PathEnding | null {
  return matchingEndings(scenario, score, maxScore, critical)[0] ?? null;
}

const MAX_PATH_PROBLEMS = 5;

/**
 * Every path a learner can play must end in exactly one ending, and every ending must be reachable. Walks the
 * states (node, score so far, critical error so far) depth-first: paths that reach the same state end the same way,
 * so the walk stays small however many paths there are. Call only on a graph without loops or dangling `next`.
 */
export function checkPathEndings(scenario: Scenario, maxScore: number): Problem[] {
  const problems: Problem[] = [];
  const nodes = new Map<string, ScenarioNode>();
  const indexOf = new Map<string, number>();
  scenario.nodes.forEach((node, index) => {
    if (!nodes.has(node.key)) {
      nodes.set(node.key, node);
      indexOf.set(node.key, index);
    }
  });
  const endings = scenario.endings ?? [];
  const reached = new Set<string>();
  const seen = new Set<string>();
  const trail: string[] = [];
  let pathProblems = 0;

  const visit = (key: string, score: number, critical: boolean): void => {
    const state = `${key}|${score}|${critical}`;
    const node = nodes.get(key);
    if (seen.has(state) || node?.kind !== 'decision') return;
    seen.add(state);
    node.choices.forEach((choice, choiceIndex) => {
      const total = score + choice.points;
      const flagged = critical || choice.critical === true;
      trail.push(`${key}.${choice.key}`);
      if (choice.next !== undefined) {
        visit(choice.next, total, flagged);
      } else if (endings.length === 0) {
        problems.push({ path: `nodes[${indexOf.get(key)}].choices[${choiceIndex}].next`, message: 'this choice ends the case, but the scenario has no `endings` to choose from' });
      } else {
        const matches = matchingEndings(scenario, total, maxScore, flagged);
        matches.forEach((ending) => reached.add(ending.key));
        if (matches.length !== 1 && pathProblems < MAX_PATH_PROBLEMS) {
          pathProblems += 1;
          const where = `${trail.join(' → ')} (score ${total} of ${maxScore}, ${Math.round(scorePercent(total, maxScore))} %, ${flagged ? 'with' : 'no'} critical error)`;
          problems.push({
            path: 'endings',
            message: matches.length === 0
              ? `the path ${where} matches no ending; every path needs exactly one`
              : `the path ${where} matches ${matches.length} endings (${matches.map((e) => e.key).join(', ')}); every path needs exactly one`,
          });
        }
      }
      trail.pop();
    });
  };
  visit(scenario.start, 0, false);

  const keys = new Set<string>();
  endings.forEach((ending, index) => {
    if (keys.has(ending.key) || nodes.has(ending.key)) problems.push({ path: `endings[${index}].key`, message: `key "${ending.key}" is already used in this scenario` });
    keys.add(ending.key);
    if (!reached.has(ending.key)) problems.push({ path: `endings[${index}]`, message: `ending "${ending.key}" is never reached: no path's score and critical errors match its conditions` });
  });
  return problems;
}
