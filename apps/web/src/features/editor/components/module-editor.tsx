import type { ModuleHeader } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { BilingualField } from './bilingual-field';

const MIN_OBJECTIVES = 2;
const MAX_OBJECTIVES = 5;

/** A module's own texts: title, summary, learning objectives and its estimated time. */
export function ModuleEditor({ value, onChange }: { value: ModuleHeader; onChange: (next: ModuleHeader) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <BilingualField label={t('editor.module.title')} textId="title" value={value.title} onChange={(title) => onChange({ ...value, title })} />
      <BilingualField label={t('editor.module.summary')} textId="summary" rows={3} value={value.summary} onChange={(summary) => onChange({ ...value, summary })} />
      <label htmlFor={`${id}-minutes`}>{t('editor.module.minutes')}</label>
      <input id={`${id}-minutes`} type="number" min={1} max={600} value={value.estimatedMinutes}
        onChange={(e) => onChange({ ...value, estimatedMinutes: Math.max(1, Math.round(Number(e.target.value) || 1)) })} />
      <h2>{t('editor.module.objectives')}</h2>
      {value.objectives.map((objective, index) => (
        <div key={index}>
          <BilingualField label={t('editor.module.objective', { number: index + 1 })} textId={`objectives.${index}`} rows={2} value={objective}
            onChange={(next) => onChange({ ...value, objectives: value.objectives.map((o, i) => (i === index ? next : o)) })} />
          {value.objectives.length > MIN_OBJECTIVES && (
            <button type="button" className="button button--small" onClick={() => onChange({ ...value, objectives: value.objectives.filter((_, i) => i !== index) })}>
              {t('editor.module.removeObjective', { number: index + 1 })}
            </button>
          )}
        </div>
      ))}
      {value.objectives.length < MAX_OBJECTIVES && (
        <button type="button" className="button" onClick={() => onChange({ ...value, objectives: [...value.objectives, { es: '', en: '' }] })}>{t('editor.module.addObjective')}</button>
      )}
    </>
  );
}
