import type { AttitudeItem, InstrumentHeader } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { useDraft } from '../hooks/draft-context';
import { BilingualField } from './bilingual-field';
import { LabelledSelect } from './labelled-select';

/** An attitude statement: its words, subscale and reverse keying, and how it reads in the then-test. */
export function AttitudeItemEditor({ value, onChange }: { value: AttitudeItem; onChange: (next: AttitudeItem) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { course, version } = useDraft();
  const instrument = course.attitudeInstrument;
  const inSubscale = instrument.items.map((item) => (item.key === value.key ? value : item)).filter((item) => item.subscale === value.subscale);
  const reversed = inSubscale.filter((item) => item.reverse).length;
  return (
    <>
      <BilingualField label={t('editor.attitude.text')} textId="text" rows={2} hint={t('editor.attitude.textHint')} value={value.text} onChange={(text) => onChange({ ...value, text })} />
      <div className="field-row">
        <LabelledSelect id={`${id}-subscale`} label={t('editor.attitude.subscale')} value={value.subscale} onChange={(e) => onChange({ ...value, subscale: e.target.value })}
          options={instrument.subscales.map((s) => [s.key, s.title.es])} />
        <label className="check">
          <input type="checkbox" checked={value.reverse} onChange={(e) => onChange({ ...value, reverse: e.target.checked })} />
          {t('editor.attitude.reverse')}
        </label>
      </div>
      <p className="hint">{t('editor.attitude.reverseHint', { reversed, total: inSubscale.length })}</p>
      <section className="preview" aria-labelledby={`${id}-then`}>
        <h2 id={`${id}-then`}>{t('editor.attitude.thenTest')}</h2>
        {instrument.thenTestInstructions ? (
          <div className="bilingual__columns">
            {(['es', 'en'] as const).map((locale) => (
              <blockquote key={locale} lang={locale}><p>{instrument.thenTestInstructions![locale]}</p><p><strong>{value.text[locale]}</strong></p></blockquote>
            ))}
          </div>
        ) : <p className="hint">{t('editor.attitude.noThenTest')}</p>}
        <Link to={`/editor/${version.id}/instrument/${instrument.key}`}>{t('editor.attitude.editThenTest')}</Link>
      </section>
    </>
  );
}

/** The instrument's own texts: title, instructions, the then-test wording, the five scale labels and the subscales. */
export function InstrumentEditor({ value, onChange }: { value: InstrumentHeader; onChange: (next: InstrumentHeader) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <BilingualField label={t('editor.instrument.title')} textId="title" value={value.title} onChange={(title) => onChange({ ...value, title })} />
      <BilingualField label={t('editor.instrument.instructions')} textId="instructions" rows={3} value={value.instructions} onChange={(instructions) => onChange({ ...value, instructions })} />
      {value.thenTestInstructions ? (
        <BilingualField label={t('editor.instrument.thenTest')} textId="thenTestInstructions" rows={2} hint={t('editor.instrument.thenTestHint')}
          value={value.thenTestInstructions} onChange={(thenTestInstructions) => onChange({ ...value, thenTestInstructions })} />
      ) : (
        <button type="button" className="button" onClick={() => onChange({ ...value, thenTestInstructions: { es: '', en: '' } })}>{t('editor.instrument.addThenTest')}</button>
      )}
      <h2>{t('editor.instrument.scale')}</h2>
      {value.scale.map((label, index) => (
        <BilingualField key={index} label={t('editor.instrument.point', { point: index + 1 })} textId={`scale.${index}`} value={label}
          onChange={(next) => onChange({ ...value, scale: value.scale.map((l, i) => (i === index ? next : l)) })} />
      ))}
      <h2>{t('editor.instrument.subscales')}</h2>
      {value.subscales.map((subscale, index) => (
        <BilingualField key={subscale.key} label={t('editor.instrument.subscale', { key: subscale.key })} textId={`subscales.${subscale.key}.title`} value={subscale.title}
          onChange={(title) => onChange({ ...value, subscales: value.subscales.map((s, i) => (i === index ? { ...s, title } : s)) })} />
      ))}
    </>
  );
}
