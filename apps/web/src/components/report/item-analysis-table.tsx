import { useTranslation } from '../../lib/i18n';
import { DataTable } from '../data-table';
import { alphaText, fixed } from './format';
import { OptionShares } from './option-shares';
import type { ItemWaveAnalysis } from './report-types';
import { NotEnoughNote } from './withheld-note';

/**
 * Knowledge items at one wave, like Moodle's quiz statistics: facility, discrimination, the share choosing each
 * option (distractors) and the server's flags in words; KR-20 with its 95 % CI for the whole test.
 */
export function ItemAnalysisTable({ analysis, wave }: { analysis: ItemWaveAnalysis; wave: 'pre' | 'post' }) {
  const { t } = useTranslation();
  const caption = t(`trainer.report.itemAnalysisCaption.${wave}`);
  const { kr20 } = analysis;
  return (
    <div className="item-wave">
      <h3>{caption}</h3>
      <p>
        {t('trainer.report.testsTaken', { count: analysis.n })}
        {analysis.nEmpty > 0 && ` ${t('trainer.report.emptyTests', { count: analysis.nEmpty })}`}
      </p>
      {analysis.n < 2 ? (
        <NotEnoughNote text={t('trainer.report.notEnoughItems')} />
      ) : (
        <>
          <p>
            <strong>KR-20</strong>{' '}
            {kr20.alpha === null ? t('trainer.reasons.unknown') : <>= {alphaText(kr20.alpha)}</>}
            {kr20.ci95 && <> <span className="ci">{t('trainer.report.ci', { low: fixed(kr20.ci95[0]!, 2), high: fixed(kr20.ci95[1]!, 2) })}</span></>}
            <span className="stat-note"> {t('trainer.report.kr20N', { n: kr20.n, count: kr20.k })}</span>
          </p>
          <DataTable caption={caption} columns={[t('trainer.report.question'), t('trainer.report.facility'), t('trainer.report.discrimination'), t('trainer.report.options'), t('trainer.report.flagsTitle')]}>
                {analysis.items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row" className="text-cell">{item.text}</th>
                    <td className="num">{item.facility === null ? '—' : fixed(item.facility, 2)}</td>
                    <td className="num">{item.discrimination === null ? '—' : fixed(item.discrimination, 2)}</td>
                    <td><OptionShares item={item} /></td>
                    <td>
                      {item.flags.length === 0 ? '—' : (
                        <ul className="flags">
                          {item.flags.map((flag) => <li key={flag} className={`flag flag--${flag}`}>{t(`trainer.report.flags.${flag}`)}</li>)}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
