import { useTranslation } from '../../lib/i18n';
import { DataTable } from '../data-table';
import { alphaText, fixed } from './format';
import type { Alpha } from './report-types';

/** Cronbach's α for one wave: value, Feldt 95 % CI, a visible warning below 0.70, and α-if-item-deleted on demand. */
export function AlphaSummary({ alpha, wave, measure, itemText }: { alpha: Alpha; wave: 'pre' | 'post'; measure: string; itemText: (key: string) => string }) {
  const { t } = useTranslation();
  const caption = t('trainer.report.alphaIfDeletedCaption', { measure, wave: t(`trainer.report.waves.${wave}`) });
  return (
    <div className={alpha.warning ? 'alpha alpha--warning' : 'alpha'}>
      <p className="alpha__value">
        <strong>{t('trainer.report.alphaWave', { wave: t(`trainer.report.wavesTitle.${wave}`) })}</strong>{' '}
        {alpha.alpha === null ? <span>—</span> : <>α = {alphaText(alpha.alpha)}</>}
        {alpha.ci95 && <> {t('trainer.report.ci', { low: fixed(alpha.ci95[0]!, 2), high: fixed(alpha.ci95[1]!, 2) })}</>}
        <span className="stat-note"> {t('trainer.report.alphaN', { n: alpha.n, k: alpha.k })}</span>
      </p>
      {alpha.warning ? (
        <p className="warning"><strong>{t('trainer.report.warning')}</strong> {alpha.reading}</p>
      ) : (
        <p className="alpha__reading">{alpha.reading}</p>
      )}
      {alpha.alphaIfDeleted.length > 0 && (
        <details>
          <summary>{t('trainer.report.alphaIfDeleted')}</summary>
          <DataTable caption={caption} columns={[t('trainer.report.item'), t('trainer.report.alphaWithout')]}>
                {alpha.alphaIfDeleted.map((row) => (
                  <tr key={row.itemKey}>
                    <th scope="row" className="text-cell">{itemText(row.itemKey)}</th>
                    <td className="num">
                      {row.alpha === null ? '—' : alphaText(row.alpha)}
                      {row.alpha !== null && alpha.alpha !== null && row.alpha > alpha.alpha && <span className="badge">{t('trainer.report.alphaRises')}</span>}
                    </td>
                  </tr>
                ))}
          </DataTable>
        </details>
      )}
    </div>
  );
}
