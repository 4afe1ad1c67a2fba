import type { PathEnding } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { BilingualField } from './bilingual-field';
import { LabelledSelect } from './labelled-select';

const percentOrNone = (text: string): number | undefined => (text.trim() === '' ? undefined : Math.min(100, Math.max(0, Number(text) || 0)));

function withCondition(ending: PathEnding, field: keyof PathEnding['when'], value: boolean | number | undefined): PathEnding {
  const when = { ...ending.when, [field]: value };
  if (value === undefined) delete when[field];
  return { ...ending, when };
}

function EndingFields({ ending, onChange, onRemove }: { ending: PathEnding; onChange: (next: PathEnding) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="ending-fields">
      <legend>{t('editor.scenario.ending', { key: ending.key })}</legend>
      <div className="field-row">
        <LabelledSelect id={`${id}-outcome`} label={t('editor.scenario.outcome')} value={ending.outcome}
          onChange={(e) => onChange({ ...ending, outcome: e.target.value as PathEnding['outcome'] })}
          options={(['good', 'mixed', 'poor'] as const).map((o) => [o, t(`editor.scenario.outcomes.${o}`)])} />
        <LabelledSelect id={`${id}-critical`} label={t('editor.scenario.whenCritical')} value={ending.when.critical === undefined ? '' : String(ending.when.critical)}
          onChange={(e) => onChange(withCondition(ending, 'critical', e.target.value === '' ? undefined : e.target.value === 'true'))}
          options={[['', t('editor.scenario.criticalAny')], ['true', t('editor.scenario.criticalYes')], ['false', t('editor.scenario.criticalNo')]]} />
        <div>
          <label htmlFor={`${id}-min`}>{t('editor.scenario.minPercent')}</label>
          <input id={`${id}-min`} type="number" min={0} max={100} value={ending.when.minPercent ?? ''} onChange={(e) => onChange(withCondition(ending, 'minPercent', percentOrNone(e.target.value)))} />
        </div>
        <div>
          <label htmlFor={`${id}-below`}>{t('editor.scenario.belowPercent')}</label>
          <input id={`${id}-below`} type="number" min={0} max={100} value={ending.when.belowPercent ?? ''} onChange={(e) => onChange(withCondition(ending, 'belowPercent', percentOrNone(e.target.value)))} />
        </div>
      </div>
      <BilingualField label={t('editor.scenario.summary')} textId={`endings.${ending.key}.summary`} rows={3} value={ending.summary} onChange={(summary) => onChange({ ...ending, summary })} />
      <button type="button" className="button button--small" onClick={onRemove}>{t('editor.scenario.removeEnding', { key: ending.key })}</button>
    </fieldset>
  );
}

/** Endings chosen from the whole path (score band, critical error): every path must match exactly one. */
export function ScenarioEndingsFields({ endings, onChange }: { endings: PathEnding[]; onChange: (next: PathEnding[]) => void }) {
  const { t } = useTranslation();
  const newKey = () => {
    let n = endings.length + 1;
    while (endings.some((e) => e.key === `end-${n}`)) n += 1;
    return `end-${n}`;
  };
  return (
    <section aria-labelledby="endings-heading">
      <h2 id="endings-heading">{t('editor.scenario.endings')}</h2>
      <p className="hint">{t('editor.scenario.endingsHint')}</p>
      {endings.map((ending, index) => (
        <EndingFields key={ending.key} ending={ending} onChange={(next) => onChange(endings.map((e, i) => (i === index ? next : e)))}
          onRemove={() => onChange(endings.filter((_, i) => i !== index))} />
      ))}
      <button type="button" className="button" onClick={() => onChange([...endings, { key: newKey(), outcome: 'mixed', when: {}, summary: { es: '', en: '' } }])}>
        {t('editor.scenario.addEnding')}
      </button>
    </section>
  );
}
