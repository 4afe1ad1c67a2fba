import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { StaffError } from '../../../components/staff/staff-error';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useBusyAction } from '../../../lib/use-busy-action';
import { downloadExportBundle } from '../api/exports';
import { useCohortContext } from '../hooks/use-cohort-context';
import { TabSection } from './tab-section';

const CONTENTS = ['knowledge', 'attitudes', 'codebook', 'readme', 'reproduce'] as const;

/** The cohort's pseudonymous export bundle (one ZIP) for analysis elsewhere, and what it holds. */
export function ExportsTab() {
  const { t } = useTranslation();
  const { busy, error, run } = useBusyAction();
  const { cohort } = useCohortContext();
  const lang = useContentLanguage();
  const [message, setMessage] = useState('');

  async function download() {
    setMessage('');
    await run(async () => {
      const file = await downloadExportBundle(cohort.id, lang);
      setMessage(t('trainer.exports.started', { file }));
    });
  }

  return (
    <TabSection id="exports" title={t('trainer.tabs.exports')}>
      <p>{t('trainer.exports.intro')}</p>
      <div className="card">
        <h3>{t('trainer.exports.bundle.title')}</h3>
        <ul>
          {CONTENTS.map((file) => (
            <li key={file}>
              <code>{t(`trainer.exports.bundle.files.${file}.name`)}</code>: {t(`trainer.exports.bundle.files.${file}.description`)}
            </li>
          ))}
        </ul>
        <p>{t('trainer.exports.bundle.privacy')}</p>
        <button type="button" className="button" disabled={busy} onClick={() => void download()}>
          {busy ? t('trainer.exports.preparing') : t('trainer.exports.download')}
        </button>
      </div>
      <p role="status" className="status">{message}</p>
      <StaffError error={error} />
    </TabSection>
  );
}
