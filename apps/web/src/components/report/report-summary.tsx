import { useTranslation } from '../../lib/i18n';
import { HeadlineList } from './headline-list';
import { ParticipationSummary } from './participation-summary';
import { ReportAbout } from './report-about';
import type { Report } from './report-types';
import { sectionId } from './sections';

/** What a trainer reads in one minute: who took part, one line per measure, and (folded) how to read it and who sees what. */
export function ReportSummary({ report }: { report: Report }) {
  const { t } = useTranslation();
  const demo = report.cohorts.some((c) => c.isDemo);
  return (
    <section aria-labelledby={sectionId('summary')} className="report-summary">
      <h2 id={sectionId('summary')}>{t('trainer.report.sections.summary')}</h2>
      {demo && (
        <p className="demo-note">
          <span className="badge badge--demo">{t('trainer.report.demoBadge')}</span> {t('trainer.report.demoNote')}
        </p>
      )}
      <ParticipationSummary participation={report.participation} />
      <h3>{t('trainer.report.headlinesTitle')}</h3>
      <HeadlineList headlines={report.headlines} />
      <p className="hint">{t('trainer.report.method')}</p>
      <ReportAbout glossary={report.glossary} privacyRules={report.privacyRules} />
    </section>
  );
}
