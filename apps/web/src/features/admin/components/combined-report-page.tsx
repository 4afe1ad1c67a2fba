import { useTranslation } from '../../../lib/i18n';
import { Link, useSearchParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { ReportView } from '../../../components/report/report-view';
import { StaffError } from '../../../components/staff/staff-error';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getCombinedReport } from '../api/cohorts';

/** The report over the cohorts picked on the cohorts page (ids in the URL, so it can be bookmarked). */
export function CombinedReportPage() {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const [params] = useSearchParams();
  const ids = (params.get('cohortIds') ?? '').split(',').filter(Boolean);
  const key = ids.join(',');
  const report = useQuery(() => (ids.length ? getCombinedReport(ids, lang) : Promise.resolve(undefined)), [key, lang]);
  return (
    <>
      <PageHeading>{t('trainer.admin.combinedTitle')}</PageHeading>
      <p><Link to="/admin/cohorts">{t('trainer.admin.backToCohorts')}</Link></p>
      {ids.length === 0 && <p>{t('trainer.admin.pickCohorts')}</p>}
      <StaffError error={report.error} />
      {report.loading && ids.length > 0 && <Loading />}
      {report.data && <ReportView report={report.data} />}
    </>
  );
}
