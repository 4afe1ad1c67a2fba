import { useTranslation } from '../../../lib/i18n';
import { PracticeSection } from '../../../components/report/practice-section';
import { fixed, scoreDigits } from '../../../components/report/format';
import { WithheldNote } from '../../../components/report/withheld-note';
import { TableScroll } from '../../../components/staff/table-scroll';
import type { StudyMeasure, StudyReport } from '../api/studies';
import { FourMeansChart } from './four-means-chart';

const num = (x: number | null | undefined, digits: number) => (x === null || x === undefined ? '—' : fixed(x, digits));
const ci = (x: number[] | null | undefined, digits: number) => (x && x.length === 2 ? `${fixed(x[0]!, digits)} – ${fixed(x[1]!, digits)}` : '—');
const p = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x < 0.001 ? '< 0.001' : x.toFixed(3));

/** The study report: who is counted, each arm's attrition, then per measure the effect with its reading, chart and figures. */
export function StudyReportView({ report }: { report: StudyReport }) {
  const { t } = useTranslation();
  return (
    <div className="report">
      <p className="hint">{report.method}</p>
      <h2>{t('trainer.studies.arms')}</h2>
      <TableScroll label={t('trainer.studies.attrition')}>
        <table className="data-table">
          <caption>{t('trainer.studies.attrition')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainer.studies.armHeading')}</th>
              <th scope="col">{t('trainer.studies.inStatistics')}</th>
              <th scope="col">{t('trainer.studies.measuredBefore')}</th>
              <th scope="col">{t('trainer.studies.measuredBoth')}</th>
              <th scope="col">{t('trainer.studies.lost')}</th>
            </tr>
          </thead>
          <tbody>
            {report.arms.map((arm) => (
              <tr key={arm.arm}>
                <th scope="row" className="text-cell">{arm.label}<span className="stat-note"> · {arm.cohortNames.join(', ')} · {arm.waves}</span></th>
                <td>{arm.attrition.inStatistics}</td>
                <td>{arm.attrition.measuredBefore}</td>
                <td>{arm.attrition.measuredBoth}</td>
                <td>{arm.attrition.lost}{arm.attrition.attritionShare !== null && ` (${Math.round(arm.attrition.attritionShare * 100)} %)`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>{t('trainer.studies.effects')}</h2>
      {report.measures.map((m) => <MeasureSection key={m.key} measure={m} minN={report.minGroupN} />)}
      <h2>{t('trainer.studies.practice')}</h2>
      {report.arms.map((arm) => (
        <section key={arm.arm} aria-labelledby={`practice-${arm.arm}`}>
          <h3 id={`practice-${arm.arm}`}>{arm.label}</h3>
          <PracticeSection practice={arm.practice} minN={report.minGroupN} />
        </section>
      ))}
    </div>
  );
}

function MeasureSection({ measure, minN }: { measure: StudyMeasure; minN: number }) {
  const { t } = useTranslation();
  const c = measure.comparison;
  const digits = scoreDigits(measure.scale);
  return (
    <section className="card" aria-labelledby={`measure-${measure.key}`}>
      <h3 id={`measure-${measure.key}`}>{measure.label}</h3>
      <p className="stat-note">{t('trainer.studies.pairs', { treated: measure.nTreated, waitlist: measure.nWaitlist })}</p>
      {measure.withheld ? <WithheldNote minN={minN} /> : c && (
        <>
          <p className="reading">{c.reading}</p>
          <FourMeansChart measure={measure} />
          <TableScroll label={t('trainer.studies.figures', { measure: measure.label })}>
            <table className="data-table">
              <caption>{t('trainer.studies.figures', { measure: measure.label })}</caption>
              <tbody>
                <tr><th scope="row">{t('trainer.studies.changeTreated')}</th><td>{num(c.meanChangeTreated, digits)}</td></tr>
                <tr><th scope="row">{t('trainer.studies.changeWaitlist')}</th><td>{num(c.meanChangeWaitlist, digits)}</td></tr>
                <tr><th scope="row">{t('trainer.studies.difference')}</th><td>{num(c.difference, digits)} ({ci(c.ci95, digits)})</td></tr>
                <tr><th scope="row">{t('trainer.studies.welch')}</th><td>t = {num(c.t, 2)}, df = {num(c.df, 1)}, p {p(c.p)}</td></tr>
                <tr><th scope="row">{t('trainer.studies.hedges')}</th><td>{num(c.hedgesG, 2)}</td></tr>
                <tr><th scope="row">{t('trainer.studies.ancova')}</th><td>{num(c.ancova.effect, digits)} ({ci(c.ancova.ci95, digits)}), p {p(c.ancova.p)}</td></tr>
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
