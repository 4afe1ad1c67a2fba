import { useTranslation } from '../../lib/i18n';
import { DataTable } from '../data-table';
import { scoreDigits, signed } from './format';
import type { Breakdown, Measure, MeasureBreakdown } from './report-types';
import { WithheldNote } from './withheld-note';

/**
 * Mean change per group, one table per measure (each on that measure's own complete pairs). Suppressed groups arrive
 * with no numbers and a reason (small_n, complementary), shown in words; the total equals the measure's pairs.
 */
export function BreakdownTables({ breakdown, measures, minN }: { breakdown: Breakdown; measures: Measure[]; minN: number }) {
  const { t } = useTranslation();
  const complementary = breakdown.measures.some((m) => m.groups.some((g) => g.reason === 'complementary'));
  return (
    <details className="fold breakdown">
      <summary>{t(`trainer.report.breakdownBy.${breakdown.by}`)}</summary>
      {breakdown.measures.map((mb) => {
        const measure = measures.find((m) => m.key === mb.measure);
        return measure ? <MeasureBreakdownTable key={mb.measure} by={breakdown.by} breakdown={mb} measure={measure} minN={minN} /> : null;
      })}
      <p className="hint">
        {t('trainer.report.suppressionNote', { minN })}
        {complementary && ` ${t('trainer.report.complementaryNote')}`}
      </p>
    </details>
  );
}

export function MeasureBreakdownTable({ by, breakdown, measure, minN }: { by: Breakdown['by']; breakdown: MeasureBreakdown; measure: Measure; minN: number }) {
  const { t } = useTranslation();
  const caption = t(`trainer.report.breakdownCaption.${by}`, { measure: measure.label });
  const groupLabel = (key: string) =>
    key === 'unknown' ? t('trainer.report.unknownGroup') : t(`${by === 'region' ? 'regions' : 'positionTypes'}.${key}`, { defaultValue: key });
  if (breakdown.totalN === null && breakdown.groups.every((g) => g.suppressed)) return <WithheldNote minN={minN} what={caption} />;
  return (
    <DataTable caption={caption} columns={[t(`trainer.report.by.${by}`), t('trainer.report.nPairsShort'), t('trainer.report.meanChangeShort')]}
      footer={
        <tr>
          <th scope="row">{t('trainer.report.total')}</th>
          <td className="num">{breakdown.totalN ?? `n < ${minN}`}</td>
          <td />
        </tr>
      }>
      {breakdown.groups.map((g) => (
        <tr key={g.key} className={g.suppressed ? 'row--suppressed' : undefined}>
          <th scope="row" className="text-cell">{groupLabel(g.key)}</th>
          {g.suppressed ? (
            <td colSpan={2} className="suppressed">{t(`trainer.report.suppressedReason.${g.reason ?? 'small_n'}`, { minN })}</td>
          ) : (
            <>
              <td className="num">{g.n}</td>
              <td className="num">{g.meanChange === null || g.meanChange === undefined ? '—' : signed(g.meanChange, scoreDigits(measure.scale))}</td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
