import { useTranslation } from 'react-i18next';
import { TableScroll } from '../staff/table-scroll';
import { scoreDigits, signed } from './format';
import type { Breakdown, Measure } from './report-types';

/**
 * Mean change per group. Groups under 5 learners (and the next smallest, when one could be recovered from the total)
 * arrive suppressed with no numbers at all: the row says "n < 5" and nothing is computed for it here.
 */
export function BreakdownTable({ breakdown, measures }: { breakdown: Breakdown; measures: Measure[] }) {
  const { t } = useTranslation();
  const caption = t(`trainer.report.breakdownCaption.${breakdown.by}`);
  const groupLabel = (key: string) =>
    key === 'unknown' ? t('trainer.report.unknownGroup') : t(`${breakdown.by === 'region' ? 'regions' : 'positionTypes'}.${key}`, { defaultValue: key });
  const complementary = breakdown.groups.some((g) => g.reason === 'complementary');
  return (
    <>
      <TableScroll label={caption}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`trainer.report.by.${breakdown.by}`)}</th>
              <th scope="col">{t('trainer.report.nPairsShort')}</th>
              {measures.map((m) => <th key={m.key} scope="col">{t('trainer.report.changeIn', { measure: m.label })}</th>)}
            </tr>
          </thead>
          <tbody>
            {breakdown.groups.map((g) => (
              <tr key={g.key} className={g.suppressed ? 'row--suppressed' : undefined}>
                <th scope="row" className="text-cell">{groupLabel(g.key)}</th>
                {g.suppressed ? (
                  <td colSpan={measures.length + 1} className="suppressed">
                    n &lt; 5
                    {g.reason === 'complementary' && <span className="stat-note"> ({t('trainer.report.suppressedComplementary')})</span>}
                  </td>
                ) : (
                  <>
                    <td className="num">{g.n}</td>
                    {measures.map((m) => {
                      const v = g.meanChange?.[m.key];
                      return <td key={m.key} className="num">{v === null || v === undefined ? '—' : signed(v, scoreDigits(m.scale))}</td>;
                    })}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">
        {t('trainer.report.suppressionNote')}
        {complementary && ` ${t('trainer.report.complementaryNote')}`}
      </p>
    </>
  );
}
