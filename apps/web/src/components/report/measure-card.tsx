import { useState } from 'react';
import { useTranslation } from '../../lib/i18n';
import { ChangeHistogram } from './change-histogram';
import { ComparisonStats } from './comparison-stats';
import { ReliabilitySection, RetentionSection, ThenTestSection } from './measure-sections';
import { PairedChart } from './paired-chart';
import type { Measure } from './report-types';
import { WithheldNote } from './withheld-note';

/**
 * Every figure of one measure (knowledge or an attitude subscale), folded: the comparison over complete pairs, the
 * charts (drawn once opened), reliability, the then-test and retention. A withheld measure says so once.
 */
export function MeasureCard({ measure, minN, itemText }: { measure: Measure; minN: number; itemText: (key: string) => string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = `measure-${measure.key}`;
  const w = (wave: string) => t(`trainer.report.waves.${wave}`);
  return (
    <details className="fold measure-fold" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('trainer.report.measureDetails', { measure: measure.label })}{' '}
        <span className="summary-note">({measure.withheld ? t('trainer.report.hidden') : t('trainer.report.pairs', { count: measure.nPairs })})</span>
      </summary>
      <article className="measure-card" aria-labelledby={headingId}>
        <h3 id={headingId}>{measure.label}</h3>
        {measure.withheld ? (
          <WithheldNote minN={measure.withheld.minN} />
        ) : (
          <>
            <p className="hint">{t(measure.scale === 'percent' ? 'trainer.report.scalePercent' : 'trainer.report.scaleLikert')}</p>
            {measure.change && (
              <ComparisonStats change={measure.change} scale={measure.scale} diffLabel={t('trainer.report.diff.change')} waves={[w('pre'), w('post')]} preOnly={measure.nPreOnly} />
            )}
            {open && measure.nPairs > 0 && (
              <div className="chart-pair">
                <PairedChart measure={measure} />
                <ChangeHistogram measure={measure} />
              </div>
            )}
            {measure.kind === 'attitude' && (
              <>
                <p className="hint">{t('trainer.report.noSlopeAttitude')}</p>
                <ReliabilitySection measure={measure} minN={minN} itemText={itemText} />
                <ThenTestSection measure={measure} minN={minN} />
              </>
            )}
            <RetentionSection measure={measure} minN={minN} />
          </>
        )}
      </article>
    </details>
  );
}
