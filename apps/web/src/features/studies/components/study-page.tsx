import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { Breadcrumb } from '../../../components/staff/breadcrumb';
import { ConfirmAction } from '../../../components/staff/confirm-action';
import { StaffError } from '../../../components/staff/staff-error';
import { TableScroll } from '../../../components/staff/table-scroll';
import { useBusyAction } from '../../../lib/use-busy-action';
import { formatDate, useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { downloadStudyExport, getStudy, getStudyReport, openSecondBaseline } from '../api/studies';
import { StudyReportView } from './study-report-view';

/** One study: its assignment (seed and draws, so anyone can re-derive it), calendar, report and export. */
export function StudyPage() {
  const { studyId = '' } = useParams<{ studyId: string }>();
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const study = useQuery(() => getStudy(studyId), [studyId]);
  const report = useQuery(() => getStudyReport(studyId, lang), [studyId, lang]);
  const { busy, error, run } = useBusyAction();
  const [message, setMessage] = useState('');
  const s = study.data;

  return (
    <>
      <Breadcrumb parent={{ to: '/trainer/studies', label: t('trainer.studies.title') }} current={s?.name ?? '…'} />
      <PageHeading>{s?.name ?? t('trainer.studies.title')}</PageHeading>
      {study.loading && !s && <Loading />}
      <StaffError error={study.error} />
      {s && (
        <>
          <section className="card" aria-labelledby="assignment-title">
            <h2 id="assignment-title">{t('trainer.studies.assignmentTitle')}</h2>
            <p>
              {s.assignment === 'random' ? t('trainer.studies.randomWith') : t('trainer.studies.byHand')}
              {s.seed && <> <code className="seed">{s.seed}</code></>}
            </p>
            {s.seed && <p className="hint">{t('trainer.studies.rederive')}</p>}
            <TableScroll label={t('trainer.studies.assignmentTitle')}>
              <table className="data-table">
                <caption>{t('trainer.studies.assignmentTitle')}</caption>
                <thead><tr><th scope="col">{t('trainer.studies.cohort')}</th><th scope="col">{t('trainer.studies.armHeading')}</th><th scope="col">{t('trainer.studies.draw')}</th></tr></thead>
                <tbody>
                  {s.arms.map((a) => (
                    <tr key={a.cohortId}>
                      <th scope="row" className="text-cell">{a.cohortName}</th>
                      <td>{t(`trainer.studies.arm.${a.arm}`)}</td>
                      <td>{a.draw ? <code className="draw">{a.draw.slice(0, 16)}…</code> : t('trainer.studies.assign.hand')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <h3>{t('trainer.studies.calendar')}</h3>
            <ul>
              <li>{t('trainer.studies.baselineOn')}: {formatDate(s.baselineOn, i18n.language)}</li>
              <li>{t('trainer.studies.treatedPostOn')}: {formatDate(s.treatedPostOn, i18n.language)}</li>
              <li>{t('trainer.studies.secondBaselineOn')}: {formatDate(s.secondBaselineAt, i18n.language)} {s.secondBaselineOpen && `(${t('trainer.studies.open')})`}</li>
              {s.followUpOn && <li>{t('trainer.studies.followUpOn')}: {formatDate(s.followUpOn, i18n.language)}</li>}
            </ul>
            <div className="button-row">
              {!s.secondBaselineOpen && (
                <ConfirmAction busy={busy} label={t('trainer.studies.openNow')} confirmLabel={t('trainer.studies.openNowConfirm')}
                  question={t('trainer.studies.openNowQuestion')}
                  onConfirm={() => run(async () => { await openSecondBaseline(studyId); study.reload(); setMessage(t('trainer.studies.opened')); })} />
              )}
              <button type="button" className="button" disabled={busy}
                onClick={() => run(async () => { const name = await downloadStudyExport(studyId); setMessage(t('trainer.studies.downloaded', { name })); })}>
                {t('trainer.studies.download')}
              </button>
            </div>
            <StaffError error={error} />
            {message && <p role="status">{message}</p>}
          </section>
          <h2>{t('trainer.studies.report')}</h2>
          {report.loading && !report.data && <Loading />}
          <StaffError error={report.error} />
          {report.data && <StudyReportView report={report.data} />}
        </>
      )}
    </>
  );
}
