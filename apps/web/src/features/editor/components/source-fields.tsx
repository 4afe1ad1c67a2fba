import { locatorProblems, type Source, SourceSchema } from '#curriculum';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { LabelledSelect } from './labelled-select';

type Norm = NonNullable<Source['norm']>;

/** Drops a field that was cleared, so an empty URL or norm is absent rather than an invalid empty value. */
function withField<K extends keyof Source>(source: Source, field: K, value: Source[K] | '' | undefined): Source {
  const next = { ...source };
  if (value === '' || value === undefined) delete next[field];
  else next[field] = value as Source[K];
  return next;
}

/** One source: what it is, where to check it (official URL or norm number and date), when it was checked, how sure. */
export function SourceFields({ source, index, onChange, onRemove }: { source: Source; index: number; onChange: (next: Source) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const parsed = SourceSchema.safeParse(source);
  const problems = parsed.success ? locatorProblems(parsed.data) : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const setNorm = (patch: Partial<Norm>) => {
    const norm = { number: source.norm?.number ?? '', publishedOn: source.norm?.publishedOn ?? '', ...patch };
    onChange(withField(source, 'norm', norm.number === '' && norm.publishedOn === '' ? undefined : norm));
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <fieldset className="source-fields" id={`field-sources[${index}]`}>
      <legend>{t('editor.sources.source', { number: index + 1 })}</legend>
      <label htmlFor={field('citation')}>{t('editor.sources.citation')}</label>
      <textarea id={field('citation')} rows={2} value={source.citation} onChange={(e) => onChange({ ...source, citation: e.target.value })} />
      <div className="field-row">
        <LabelledSelect id={field('kind')} label={t('editor.sources.kind')} value={source.kind ?? ''}
          onChange={(e) => onChange(withField(source, 'kind', e.target.value as Source['kind'] | ''))}
          options={[['', t('editor.sources.kindAuto')], ['legal', t('editor.sources.legal')], ['statistical', t('editor.sources.statistical')]]} />
        <div>
          <label htmlFor={field('url')}>{t('editor.sources.url')}</label>
          <input id={field('url')} type="url" inputMode="url" value={source.url ?? ''} onChange={(e) => onChange(withField(source, 'url', e.target.value.trim()))} />
        </div>
      </div>
      <div className="field-row">
        <div>
          <label htmlFor={field('norm')}>{t('editor.sources.normNumber')}</label>
          <input id={field('norm')} type="text" value={source.norm?.number ?? ''} onChange={(e) => setNorm({ number: e.target.value })} />
        </div>
        <div>
          <label htmlFor={field('published')}>{t('editor.sources.publishedOn')}</label>
          <input id={field('published')} type="text" placeholder="2019-06-18" value={source.norm?.publishedOn ?? ''} onChange={(e) => setNorm({ publishedOn: e.target.value.trim() })} />
        </div>
        <div>
          <label htmlFor={field('reviewed')}>{t('editor.sources.reviewedOn')}</label>
          <input id={field('reviewed')} type="date" value={source.reviewedOn} onChange={(e) => onChange({ ...source, reviewedOn: e.target.value })} />
        </div>
      </div>
      <div className="field-row">
        <LabelledSelect id={field('certainty')} label={t('editor.sources.certainty')} value={source.certainty}
          onChange={(e) => onChange({ ...source, certainty: e.target.value as Source['certainty'] })}
          options={[['firm', t('editor.sources.firm')], ['uncertain', t('editor.sources.uncertain')]]} />
      </div>
      {(source.certainty === 'uncertain' || source.notKnown !== undefined) && (
        <>
          <label htmlFor={field('notKnown')}>{t('editor.sources.notKnown')}</label>
          <textarea id={field('notKnown')} rows={2} value={source.notKnown ?? ''} onChange={(e) => onChange(withField(source, 'notKnown', e.target.value))} />
        </>
      )}
      {problems.length > 0 && (
        <ul className="lint" aria-label={t('editor.sources.problems')}>
          {problems.map((problem, i) => <li key={i} className="flag flag--stale">{problem}</li>)}
        </ul>
      )}
      <button type="button" className="button button--small" onClick={onRemove}>{t('editor.sources.remove')}</button>
    </fieldset>
  );
}
