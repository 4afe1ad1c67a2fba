import { useTranslation } from '../../lib/i18n';
import { Markdown } from '../markdown';
import type { GlossaryEntry } from './report-types';

/** How to read the report (the server's glossary, the same words as the export codebook) and who sees what (the consent's rules). */
export function ReportAbout({ glossary, privacyRules }: { glossary: GlossaryEntry[]; privacyRules: string }) {
  const { t } = useTranslation();
  return (
    <details className="fold about">
      <summary>{t('trainer.report.about')}</summary>
      <h3>{t('trainer.report.privacy')}</h3>
      <Markdown source={privacyRules} className="privacy-rules" />
      <h3>{t('trainer.report.glossary')}</h3>
      <dl className="glossary">
        {glossary.map((entry) => (
          <div key={entry.term}>
            <dt>{entry.term}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
