import { useTranslation } from 'react-i18next';
import { TableScroll } from '../staff/table-scroll';
import { fixed, scoreDigits, signed } from './format';
import type { LearnerScores, Measure } from './report-types';

/** Each learner's pre, post and change per measure. Names are shown to the cohort's trainer only; exports are pseudonymous. */
export function LearnerTable({ learners, measures, total }: { learners: LearnerScores[]; measures: Measure[]; total: number }) {
  const { t } = useTranslation();
  if (learners.length === 0) return <p>{t('trainer.report.noLearners')}</p>;
  const caption = t('trainer.report.learnersCaption');
  const cell = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? '—' : fixed(v, digits));
  return (
    <>
    {total > learners.length && <p className="hint">{t('trainer.report.learnersShown', { shown: learners.length, total })}</p>}
    <TableScroll label={caption}>
      <table className="data-table data-table--wide">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>{t('trainer.report.learner')}</th>
            <th scope="col" rowSpan={2}>{t('trainer.report.stage')}</th>
            {measures.map((m) => <th key={m.key} scope="colgroup" colSpan={3}>{m.label}</th>)}
          </tr>
          <tr>
            {measures.flatMap((m) => [
              <th key={`${m.key}-pre`} scope="col">{t('trainer.report.waves.pre')}</th>,
              <th key={`${m.key}-post`} scope="col">{t('trainer.report.waves.post')}</th>,
              <th key={`${m.key}-change`} scope="col">{t('trainer.report.change')}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {learners.map((l) => (
            <tr key={l.enrolmentId}>
              <th scope="row" className="text-cell">
                {l.name}
                <span className="stat-note"> {[l.positionType && t(`positionTypes.${l.positionType}`), l.region && t(`regions.${l.region}`)].filter(Boolean).join(' · ')}</span>
              </th>
              <td>{t(`trainer.stages.${l.stage}`, { defaultValue: l.stage })}</td>
              {measures.flatMap((m) => {
                const s = l.measures[m.key];
                const digits = scoreDigits(m.scale);
                return [
                  <td key={`${m.key}-pre`} className="num">{cell(s?.pre, digits)}</td>,
                  <td key={`${m.key}-post`} className="num">{cell(s?.post, digits)}</td>,
                  <td key={`${m.key}-change`} className="num">{s?.change === null || s?.change === undefined ? '—' : signed(s.change, digits)}</td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
    </>
  );
}
