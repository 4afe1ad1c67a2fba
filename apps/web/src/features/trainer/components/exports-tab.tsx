import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffError } from '../../../components/staff/staff-error';
import { useContentLanguage } from '../../../lib/use-content-language';
import { downloadExport, type ExportKind, EXPORTS } from '../api/exports';
import { useCohortContext } from '../hooks/use-cohort-context';

/** Pseudonymous exports (a stable P-… code per learner, never names or e-mails) for analysis elsewhere. */
export function ExportsTab() {
  const { t } = useTranslation();
  const { cohort } = useCohortContext();
  const lang = useContentLanguage();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  async function download(kind: ExportKind) {
    setBusy(kind);
    setError(null);
    setMessage('');
    try {
      await downloadExport(cohort.id, kind, lang);
      setMessage(t('trainer.exports.started', { file: t(`trainer.exports.${kind}.title`) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">{t('trainer.tabs.exports')}</h2>
      <p>{t('trainer.exports.intro')}</p>
      <ul className="export-list">
        {EXPORTS.map((kind) => (
          <li key={kind} className="card">
            <h3>{t(`trainer.exports.${kind}.title`)}</h3>
            <p>{t(`trainer.exports.${kind}.description`)}</p>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void download(kind)}>
              {busy === kind ? t('trainer.exports.preparing') : t('trainer.exports.download', { file: t(`trainer.exports.${kind}.file`) })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="status">{message}</p>
      <StaffError error={error} />
    </section>
  );
}
