import type { ScenarioChoice, ScenarioNode } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { BilingualField } from './bilingual-field';
import { LabelledSelect } from './labelled-select';

/** One choice of a decision: its words, the feedback shown after it, its points, whether it is critical, where it leads. */
export function ScenarioChoiceFields({ nodeKey, choice, nodes, onChange, onRemove }: {
  nodeKey: string;
  choice: ScenarioChoice;
  nodes: ScenarioNode[];
  onChange: (next: ScenarioChoice) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const base = `nodes.${nodeKey}.choices.${choice.key}`;
  return (
    <fieldset className="choice-fields">
      <legend>{t('editor.scenario.choice', { key: choice.key })}</legend>
      <BilingualField label={t('editor.scenario.choiceText')} textId={`${base}.text`} rows={2} value={choice.text} onChange={(text) => onChange({ ...choice, text })} />
      <BilingualField label={t('editor.scenario.consequence')} textId={`${base}.feedback`} rows={3} value={choice.feedback} onChange={(feedback) => onChange({ ...choice, feedback })} />
      <div className="field-row">
        <LabelledSelect id={`${id}-points`} label={t('editor.scenario.points')} value={choice.points} onChange={(e) => onChange({ ...choice, points: Number(e.target.value) })}
          options={[0, 1, 2].map((p) => [p, t(`editor.scenario.pointsLabel.${p}`)])} />
        <div>
          <label htmlFor={`${id}-next`}>{t('editor.scenario.next')}</label>
          <select id={`${id}-next`} value={choice.next ?? ''} onChange={(e) => {
            const next = { ...choice, next: e.target.value };
            if (e.target.value === '') delete (next as Partial<ScenarioChoice>).next;
            onChange(next);
          }}>
            <option value="">{t('editor.scenario.ends')}</option>
            {nodes.filter((n) => n.key !== nodeKey).map((n) => <option key={n.key} value={n.key}>{n.key}</option>)}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={choice.critical === true} onChange={(e) => {
            const next = { ...choice, critical: true };
            if (!e.target.checked) delete (next as Partial<ScenarioChoice>).critical;
            onChange(next);
          }} />
          {t('editor.scenario.critical')}
        </label>
      </div>
      {onRemove && <button type="button" className="button button--small" onClick={onRemove}>{t('editor.scenario.removeChoice', { key: choice.key })}</button>}
    </fieldset>
  );
}
