import { useTranslation } from '../../lib/i18n';
import { DataTable } from '../data-table';
import { fixed, share, signed } from './format';
import type { ItemShift } from './report-types';

/**
 * Item shifts over paired learners, in the server's order (largest |shift| first within this scale). Knowledge:
 * share correct, shift in percentage points; attitudes: mean 1–5 after re-keying. Withheld items say "n < 5".
 */
export function ItemShiftTable({ items, kind, minN, subscaleLabel }: { items: ItemShift[]; kind: 'knowledge' | 'attitude'; minN: number; subscaleLabel: (key: string) => string }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const caption = t(`trainer.report.shiftsCaption.${kind}`);
  const value = (v: number | null) => (v === null ? '—' : kind === 'knowledge' ? share(v) : fixed(v, 2));
  const shift = (v: number | null) => (v === null ? '—' : kind === 'knowledge' ? `${signed(v * 100, 0)} ${t('trainer.report.pp')}` : signed(v, 2));
  return (
    <DataTable caption={caption} columns={[t('trainer.report.rank'), t(kind === 'knowledge' ? 'trainer.report.question' : 'trainer.report.item'), 'n', t('trainer.report.wavesTitle.pre'), t('trainer.report.wavesTitle.post'), t('trainer.report.change')]}>
          {items.map((item, i) => (
            <tr key={item.key} className={item.suppressed ? 'row--suppressed' : undefined}>
              <td className="num">{i + 1}</td>
              <th scope="row" className="text-cell">
                {item.text}
                {item.subscale && <span className="stat-note"> ({subscaleLabel(item.subscale)})</span>}
              </th>
              {item.suppressed ? (
                <td colSpan={4} className="suppressed">{t('trainer.report.hiddenItem', { minN })}</td>
              ) : (
                <>
                  <td className="num">{item.n}</td>
                  <td className="num">{value(item.pre)}</td>
                  <td className="num">{value(item.post)}</td>
                  <td className="num">{shift(item.shift)}</td>
                </>
              )}
            </tr>
          ))}
    </DataTable>
  );
}
