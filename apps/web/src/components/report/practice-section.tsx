import { useTranslation } from '../../lib/i18n';
import { DataTable } from '../data-table';
import { share } from './format';
import type { PracticeReport } from './report-types';

const ci = (ci95: readonly number[] | null | undefined) => (ci95 && ci95.length === 2 ? `${share(ci95[0]!)} – ${share(ci95[1]!)}` : '—');

/**
 * The behaviour follow-up: per practice, the share of learners who say they did it among those it applied to, with
 * its Wilson 95 % interval and the explicit denominator. Labelled as self-report; nothing under minN is shown.
 */
export function PracticeSection({ practice, minN }: { practice: PracticeReport | null; minN: number }) {
  const { t } = useTranslation();
  if (!practice) return <p>{t('trainer.report.practice.none')}</p>;
  return (
    <>
      <p className="hint"><strong>{t('trainer.report.practice.selfReport')}</strong> {practice.note}</p>
      <p>{t('trainer.report.practice.respondents', { count: practice.respondents })}</p>
      {practice.withheld ? <p className="withheld">{t('trainer.report.practice.withheld', { minN, n: practice.withheld.n })}</p> : (
        <DataTable caption={<>{practice.title} <span className="stat-note">({t('trainer.report.practice.selfReport')})</span></>} label={practice.title} columns={[t('trainer.report.practice.practice'), t('trainer.report.practice.share'), t('trainer.report.practice.ci'), t('trainer.report.practice.denominator')]}>
          {practice.items.map((item) => (
            <tr key={item.key}>
              <th scope="row" className="text-cell">{item.label} <span className="stat-note">({item.indicatorLabel})</span></th>
              {item.indicator ? (
                <>
                  <td className="num">{share(item.indicator.p ?? 0)}</td>
                  <td className="num">{ci(item.indicator.ci95)}</td>
                  <td>{t('trainer.report.practice.ofN', { x: item.indicator.x, n: item.n, na: item.notApplicable })}</td>
                </>
              ) : (
                <td colSpan={3} className="withheld">{t('trainer.report.practice.itemWithheld', { minN, n: item.n, na: item.notApplicable })}</td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
