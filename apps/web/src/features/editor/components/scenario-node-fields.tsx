import type { ScenarioChoice, ScenarioNode } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { BilingualField } from './bilingual-field';
import { ScenarioChoiceFields } from './scenario-choice-fields';

const MAX_CHOICES = 4;
const MIN_CHOICES = 2;
const nextChoiceKey = (choices: ScenarioChoice[]) => 'abcdefgh'.split('').find((k) => !choices.some((c) => c.key === k)) ?? `c${choices.length + 1}`;
export const emptyChoice = (key: string): ScenarioChoice => ({ key, text: { es: '', en: '' }, feedback: { es: '', en: '' }, points: 0 });

/** One node of the decision graph: a decision with its choices, or (older versions) a fixed ending. */
export function ScenarioNodeFields({ node, nodes, isStart, onChange, onRemove }: {
  node: ScenarioNode;
  nodes: ScenarioNode[];
  isStart: boolean;
  onChange: (next: ScenarioNode) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="node-fields" id={`node-${node.key}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t(node.kind === 'decision' ? 'editor.scenario.decision' : 'editor.scenario.endingNode', { key: node.key })}
        {isStart && <span className="tag">{t('editor.scenario.startTag')}</span>}
      </h3>
      {node.kind === 'decision' ? (
        <>
          <BilingualField label={t('editor.scenario.situation')} textId={`nodes.${node.key}.situation`} rows={4} value={node.situation}
            onChange={(situation) => onChange({ ...node, situation })} />
          {node.choices.map((choice, index) => (
            <ScenarioChoiceFields key={choice.key} nodeKey={node.key} choice={choice} nodes={nodes}
              onChange={(next) => onChange({ ...node, choices: node.choices.map((c, i) => (i === index ? next : c)) })}
              onRemove={node.choices.length > MIN_CHOICES ? () => onChange({ ...node, choices: node.choices.filter((_, i) => i !== index) }) : undefined} />
          ))}
          {node.choices.length < MAX_CHOICES && (
            <button type="button" className="button" onClick={() => onChange({ ...node, choices: [...node.choices, emptyChoice(nextChoiceKey(node.choices))] })}>
              {t('editor.scenario.addChoice')}
            </button>
          )}
        </>
      ) : (
        <>
          <label htmlFor={`${id}-outcome`}>{t('editor.scenario.outcome')}</label>
          <select id={`${id}-outcome`} value={node.outcome} onChange={(e) => onChange({ ...node, outcome: e.target.value as typeof node.outcome })}>
            {(['good', 'mixed', 'poor'] as const).map((o) => <option key={o} value={o}>{t(`editor.scenario.outcomes.${o}`)}</option>)}
          </select>
          <BilingualField label={t('editor.scenario.summary')} textId={`nodes.${node.key}.summary`} rows={3} value={node.summary} onChange={(summary) => onChange({ ...node, summary })} />
        </>
      )}
      {!isStart && <button type="button" className="button button--small" onClick={onRemove}>{t('editor.scenario.removeNode', { key: node.key })}</button>}
    </section>
  );
}
