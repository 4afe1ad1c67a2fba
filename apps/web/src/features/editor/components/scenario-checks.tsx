import { type Scenario, type ScenarioNode, validateScenarioGraph } from '#curriculum';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from '../../../lib/i18n';

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/** Nodes reachable from the start by following choices. */
export function reachableNodes(scenario: Scenario): Set<string> {
  const byKey = new Map(scenario.nodes.map((n) => [n.key, n] as const));
  const seen = new Set<string>();
  const queue = byKey.has(scenario.start) ? [scenario.start] : [];
  while (queue.length > 0) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const node = byKey.get(key)!;
    if (node.kind === 'decision') for (const c of node.choices) if (c.next && byKey.has(c.next)) queue.push(c.next);
  }
  return seen;
}

/**
 * The decision graph as an outline from the start (each node once; later mentions point back to it), the nodes no
 * path reaches, choices that lead to a missing node, and every problem the course rules find in the graph.
 */
export function ScenarioChecks({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const { problems, unreachable, dangling } = useMemo(() => {
    const reached = reachableNodes(scenario);
    const keys = new Set(scenario.nodes.map((n) => n.key));
    return {
      problems: validateScenarioGraph(scenario),
      unreachable: scenario.nodes.filter((n) => !reached.has(n.key)).map((n) => n.key),
      dangling: scenario.nodes.flatMap((n) => (n.kind === 'decision' ? n.choices.filter((c) => c.next && !keys.has(c.next)).map((c) => `${n.key} → ${c.key} → ${c.next}`) : [])),
    };
  }, [scenario]);

  const byKey = new Map(scenario.nodes.map((n) => [n.key, n] as const));
  const shown = new Set<string>();
  const branch = (node: ScenarioNode | undefined, key: string): ReactNode => {
    if (!node) return <span className="flag flag--stale">{t('editor.scenario.missingNode', { key })}</span>;
    if (shown.has(key)) return <a href={`#node-${key}`}>{t('editor.scenario.seeAbove', { key })}</a>;
    shown.add(key);
    if (node.kind === 'ending') return <><a href={`#node-${key}`}>{key}</a>: {t(`editor.scenario.outcomes.${node.outcome}`)}</>;
    return (
      <>
        <a href={`#node-${key}`}>{key}</a> — {excerpt(node.situation.es)}
        <ul>
          {node.choices.map((choice) => (
            <li key={choice.key}>
              {choice.key}. {excerpt(choice.text.es)} <span className="stat-note">({t('editor.scenario.pointsShort', { points: choice.points })}{choice.critical ? `, ${t('editor.scenario.criticalShort')}` : ''})</span>
              {' → '}{choice.next === undefined ? <em>{t('editor.scenario.ends')}</em> : branch(byKey.get(choice.next), choice.next)}
            </li>
          ))}
        </ul>
      </>
    );
  };

  return (
    <section className="scenario-checks" aria-labelledby="graph-heading">
      <h2 id="graph-heading">{t('editor.scenario.graph')}</h2>
      <ul className="scenario-outline"><li>{branch(byKey.get(scenario.start), scenario.start)}</li></ul>
      {unreachable.length > 0 && <p className="flag flag--stale">{t('editor.scenario.unreachable', { keys: unreachable.join(', ') })}</p>}
      {dangling.length > 0 && <p className="flag flag--stale">{t('editor.scenario.deadEnds', { paths: dangling.join('; ') })}</p>}
      {problems.length === 0 ? <p className="stat-note">{t('editor.scenario.graphOk')}</p> : (
        <ul className="lint" aria-label={t('editor.scenario.graphProblems')}>
          {problems.map((p, i) => <li key={i} className="flag flag--stale"><code>{p.path}</code>: {p.message}</li>)}
        </ul>
      )}
    </section>
  );
}
