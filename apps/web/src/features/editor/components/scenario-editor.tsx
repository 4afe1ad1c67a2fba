import type { Scenario, ScenarioNode } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { BilingualField } from './bilingual-field';
import { ScenarioChecks } from './scenario-checks';
import { ScenarioEndingsFields } from './scenario-endings-fields';
import { emptyChoice, ScenarioNodeFields } from './scenario-node-fields';
import { ScenarioPreview } from './scenario-preview';
import { LabelledSelect } from './labelled-select';

const newNodeKey = (nodes: ScenarioNode[]) => {
  let n = nodes.length + 1;
  while (nodes.some((node) => node.key === `n${n}`)) n += 1;
  return `n${n}`;
};

/** A branching scenario: its texts, the decision graph (with its checks as an outline), endings, and a play-through. */
export function ScenarioEditor({ value, onChange }: { value: Scenario; onChange: (next: Scenario) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const setNode = (index: number, node: ScenarioNode) => onChange({ ...value, nodes: value.nodes.map((n, i) => (i === index ? node : n)) });
  return (
    <>
      <BilingualField label={t('editor.scenario.title')} textId="title" value={value.title} onChange={(title) => onChange({ ...value, title })} />
      <BilingualField label={t('editor.scenario.intro')} textId="intro" rows={4} value={value.intro} onChange={(intro) => onChange({ ...value, intro })} />
      <div className="field-row">
        <LabelledSelect id={`${id}-audience`} label={t('editor.scenario.audience')} value={value.audience}
          onChange={(e) => onChange({ ...value, audience: e.target.value as Scenario['audience'] })}
          options={(['police', 'municipal', 'all'] as const).map((a) => [a, t(`editor.scenario.audiences.${a}`)])} />
        <LabelledSelect id={`${id}-start`} label={t('editor.scenario.start')} value={value.start} onChange={(e) => onChange({ ...value, start: e.target.value })}
          options={value.nodes.filter((n) => n.kind === 'decision').map((n) => [n.key, n.key])} />
      </div>
      <ScenarioChecks scenario={value} />
      <h2>{t('editor.scenario.nodes')}</h2>
      {value.nodes.map((node, index) => (
        <ScenarioNodeFields key={node.key} node={node} nodes={value.nodes} isStart={node.key === value.start}
          onChange={(next) => setNode(index, next)} onRemove={() => onChange({ ...value, nodes: value.nodes.filter((_, i) => i !== index) })} />
      ))}
      <button type="button" className="button" onClick={() => onChange({
        ...value,
        nodes: [...value.nodes, { key: newNodeKey(value.nodes), kind: 'decision', situation: { es: '', en: '' }, choices: [emptyChoice('a'), emptyChoice('b')] }],
      })}>{t('editor.scenario.addNode')}</button>
      <ScenarioEndingsFields endings={value.endings ?? []} onChange={(endings) => onChange({ ...value, endings })} />
      <ScenarioPreview scenario={value} />
    </>
  );
}
