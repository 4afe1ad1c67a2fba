import { useTranslation } from '../../../lib/i18n';
import { Loading } from '../../../components/loading';
import { ReportView } from '../../../components/report/report-view';
import { StaffError } from '../../../components/staff/staff-error';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getCohortReport } from '../api/report';
import { useCohortContext } from '../hooks/use-cohort-context';
import { TabSection } from './tab-section';

/** The report in the interface language (the server writes the reading sentences); fetched again on a language switch. */
export function ReportTab() {
  const { t } = useTranslation();
  const { cohort } = useCohortContext();
  const lang = useContentLanguage();
  const report = useQuery(() => getCohortReport(cohort.id, lang), [cohort.id, lang]);
  return (
    <TabSection id="report" title={t('trainer.tabs.report')} busy={report.loading}>
      <StaffError error={report.error} />
      {report.loading && <Loading />}
      {report.data && <ReportView report={report.data} />}
    </TabSection>
  );
}
