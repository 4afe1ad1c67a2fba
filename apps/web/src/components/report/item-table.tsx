import { useTranslation } from 'react-i18next';
import { TableScroll } from '../staff/table-scroll';
import { fixed, signed } from './format';
import type { ItemShift } from './report-types';

/**
 * Per-item pre/post means sorted by shift (largest rise first); the server's most- and least-moved items are marked in
 * words, not only in colour. Attitude items are already re-keyed (higher = more rights-respecting); knowledge items
 * are percent correct.
 */
export function ItemTable({ items, kind, mostMoved, leastMoved }: { items: ItemShift[]; kind: ItemShift['kind']; mostMoved: string[]; leastMoved: string[] }) {
  const { t } = useTranslation();
  const rows = items.filter((i) => i.kind === kind).sort((a, b) => (b.shift ?? -Infinity) - (a.shift ?? -Infinity));
  if (rows.length === 0) return null;
  const digits = kind === 'knowledge' ? 1 : 2;
  const caption = t(`trainer.report.itemsCaption.${kind}`);
  const mean = (m: number | null, n: number) => (m === null ? '—' : `${fixed(m, digits)} (n = ${n})`);
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainer.report.item')}</th>
            <th scope="col">{t('trainer.report.waves.pre')}</th>
            <th scope="col">{t('trainer.report.waves.post')}</th>
            <th scope="col">{t('trainer.report.shift')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => {
            const mark = mostMoved.includes(item.key) ? 'most' : leastMoved.includes(item.key) ? 'least' : null;
            return (
              <tr key={item.key} className={mark ? `row--${mark}` : undefined}>
                <th scope="row" className="text-cell">
                  {item.text}
                  {item.reverse && <span className="stat-note"> {t('trainer.report.reverseKeyed')}</span>}
                  {mark && <span className={`badge badge--${mark}`}>{t(`trainer.report.${mark}Moved`)}</span>}
                </th>
                <td className="num">{mean(item.pre.mean, item.pre.n)}</td>
                <td className="num">{mean(item.post.mean, item.post.n)}</td>
                <td className="num">{item.shift === null ? '—' : signed(item.shift, digits)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
