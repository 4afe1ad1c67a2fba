import { useTranslation } from '../../lib/i18n';
import { fixed, signed } from './format';
import type { Headline } from './report-types';

/**
 * One line per measure for the one-minute read: the mean change with its 95 % CI over complete pairs, and the
 * server's plain sentence. A withheld attitude measure says once that it is withheld and why.
 */
export function HeadlineList({ headlines }: { headlines: Headline[] }) {
  const { t } = useTranslation();
  return (
    <ul className="headlines">
      {headlines.map((h) => (
        <li key={h.measure} className={h.withheld ? 'headline headline--withheld' : 'headline'}>
          <p className="headline__figure">
            <strong>{h.label}</strong>
            {h.withheld ? (
              <> — {t('trainer.report.withheldMeasure', { minN: h.withheld.minN })}</>
            ) : (
              <>
                {h.meanDiff !== null && <> <span className="headline__change">{signed(h.meanDiff, 2)}{h.scale === 'percent' ? ` ${t('trainer.report.pp')}` : ''}</span></>}
                {h.ci95 && <> <span className="ci">{t('trainer.report.ci', { low: fixed(h.ci95[0]!, 2), high: fixed(h.ci95[1]!, 2) })}</span></>}
                <span className="stat-note"> ({t('trainer.report.pairs', { count: h.nPairs })})</span>
              </>
            )}
          </p>
          {!h.withheld && <p className="reading">{h.reading}</p>}
        </li>
      ))}
    </ul>
  );
}
