import type { Source } from '#curriculum';
import { useTranslation } from '../../../lib/i18n';
import { SourceFields } from './source-fields';

const today = () => new Date().toISOString().slice(0, 10);

/** The lesson's sources. Publishing needs a locator for every legal or statistical one (FORMAT.md: the locator rule). */
export function SourcesEditor({ sources, onChange }: { sources: Source[]; onChange: (next: Source[]) => void }) {
  const { t } = useTranslation();
  return (
    <section className="sources-editor" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('editor.sources.title')}</h2>
      <p className="hint">{t('editor.sources.hint')}</p>
      {sources.map((source, index) => (
        <SourceFields key={index} source={source} index={index}
          onChange={(next) => onChange(sources.map((s, i) => (i === index ? next : s)))}
          onRemove={() => onChange(sources.filter((_, i) => i !== index))} />
      ))}
      <button type="button" className="button" onClick={() => onChange([...sources, { citation: '', reviewedOn: today(), certainty: 'firm' }])}>
        {t('editor.sources.add')}
      </button>
    </section>
  );
}
