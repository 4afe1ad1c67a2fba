import type { ItemValue } from '#curriculum';
import { useTranslation } from '../../../lib/i18n';
import { StaffError } from '../../../components/staff/staff-error';
import type { Autosave } from '../hooks/use-autosave';
import { ValueDiff } from './value-diff';

/** Where the item's autosave stands, and what to do when it could not save (problems, a colleague's newer save, offline). */
export function SaveState<V extends ItemValue>({ autosave }: { autosave: Autosave<V> }) {
  const { t, i18n } = useTranslation();
  const { status, problems, conflict, error } = autosave;
  return (
    <div className={`save-state save-state--${status}`}>
      <p role="status" className="save-state__text">{t(`editor.save.${status}`)}</p>
      {status === 'failed' && (
        <>
          <StaffError error={error} />
          <button type="button" className="button button--small" onClick={() => void autosave.saveNow()}>{t('editor.save.retry')}</button>
        </>
      )}
      {status === 'invalid' && (
        <ul className="lint" aria-label={t('editor.save.problems')}>
          {problems.map((p, i) => <li key={i} className="flag flag--stale"><code>{p.path}</code>: {p.message}</li>)}
        </ul>
      )}
      {conflict && (
        <div role="alert" className="conflict">
          <p>
            {t('editor.save.conflictBy', {
              who: conflict.updatedBy ?? t('editor.save.someone'),
              time: conflict.updatedAt ? new Date(conflict.updatedAt).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'es-PE', { hour: '2-digit', minute: '2-digit' }) : '',
            })}
          </p>
          <details open>
            <summary>{t('editor.save.conflictDiff')}</summary>
            <ValueDiff before={conflict.value} after={autosave.value} beforeLabel={t('editor.save.theirs')} afterLabel={t('editor.save.mine')} />
          </details>
          <div className="button-row">
            <button type="button" className="button" onClick={autosave.takeTheirs}>{t('editor.save.takeTheirs')}</button>
            <button type="button" className="button button--primary" onClick={autosave.keepMine}>{t('editor.save.keepMine')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
