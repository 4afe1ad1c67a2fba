import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { StaffError } from '../../../components/staff/staff-error';
import { useBusyAction } from '../../../lib/use-busy-action';
import { ApiError } from '../../../lib/api/api-client';
import { type Problem, publishDraft } from '../api/editor-api';

/** The change note (required, both languages; trainers read it with the version) and the publish button. */
export function PublishForm({ versionId, disabled, onPublished, onRefused }: {
  versionId: string;
  disabled: boolean;
  onPublished: (version: number) => void;
  onRefused: (problems: Problem[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState({ es: '', en: '' });
  const { busy, error, run } = useBusyAction();
  const complete = note.es.trim() !== '' && note.en.trim() !== '';
  const publish = () => run(async () => {
    try {
      const published = await publishDraft(versionId, { es: note.es.trim(), en: note.en.trim() });
      onPublished(published.version ?? 0);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DRAFT_INVALID') onRefused((e.details?.problems ?? []) as Problem[]);
      throw e;
    }
  });
  return (
    <form className="publish-form" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void publish(); }}>
      <h2 id={`${id}-title`}>{t('editor.review.publishTitle')}</h2>
      <p className="hint">{t('editor.review.noteHint')}</p>
      <div className="bilingual__columns">
        {(['es', 'en'] as const).map((locale) => (
          <div key={locale}>
            <label htmlFor={`${id}-${locale}`}>{t('editor.review.note', { language: t(`language.${locale}`) })}</label>
            <textarea id={`${id}-${locale}`} lang={locale} rows={4} required value={note[locale]} onChange={(e) => setNote({ ...note, [locale]: e.target.value })} />
          </div>
        ))}
      </div>
      <StaffError error={error} />
      <button type="submit" className="button button--primary" disabled={busy || disabled || !complete}>{t('editor.review.publish')}</button>
      {!complete && <p className="hint">{t('editor.review.noteRequired')}</p>}
    </form>
  );
}
