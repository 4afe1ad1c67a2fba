import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n';
import { AlphaSummary } from './alpha-summary';
import { ComparisonStats } from './comparison-stats';
import { isWithheld, type Measure } from './report-types';
import { NotEnoughNote, WithheldNote } from './withheld-note';

// The parts of a measure that rest on their own n (attitude figures are withheld under minN learners, each on its
// own): every part says "withheld" or "no data yet" once, never under each statistic.

interface Props {
  measure: Measure;
  minN: number;
}

/** Cronbach's α before and after (attitude subscales; the knowledge test's KR-20 is in the item analysis). */
export function ReliabilitySection({ measure, minN, itemText }: Props & { itemText: (key: string) => string }) {
  const { t } = useTranslation();
  const both = isWithheld(measure, 'alpha.pre') && isWithheld(measure, 'alpha.post');
  return (
    <div className="measure-section">
      <h4>{t('trainer.report.reliability')}</h4>
      {both ? (
        <WithheldNote minN={minN} />
      ) : (
        (['pre', 'post'] as const).map((wave) => {
          const alpha = wave === 'pre' ? measure.alphaPre : measure.alphaPost;
          if (alpha) return <AlphaSummary key={wave} alpha={alpha} wave={wave} measure={measure.label} itemText={itemText} />;
          if (isWithheld(measure, `alpha.${wave}`)) return <WithheldNote key={wave} minN={minN} what={t(`trainer.report.wavesTitle.${wave}`)} />;
          return null;
        })
      )}
    </div>
  );
}

/** A comparison part: withheld, or its figures, or "not enough data yet" (`empty`) when there are none. */
function ComparisonSection({ title, withheld, minN, empty, children }: { title: string; withheld: boolean; minN: number; empty: string; children: ReactNode }) {
  return (
    <div className="measure-section">
      <h4>{title}</h4>
      {withheld ? <WithheldNote minN={minN} /> : children ?? <NotEnoughNote text={empty} />}
    </div>
  );
}

/** The then-test: looking back − before (response shift, with its own reading) and after − looking back. */
export function ThenTestSection({ measure, minN }: Props) {
  const { t } = useTranslation();
  const w = (wave: string) => t(`trainer.report.waves.${wave}`);
  return (
    <ComparisonSection title={t('trainer.report.thenTest')} withheld={isWithheld(measure, 'thenTest')} minN={minN} empty={t('trainer.report.noThenTest')}>
      {measure.responseShift && (
        <>
          <p className="hint">{t('trainer.report.thenTestNote')}</p>
          <p className="reading reading--secondary">{measure.responseShift.reading}</p>
          <ComparisonStats change={measure.responseShift} scale={measure.scale} diffLabel={t('trainer.report.diff.responseShift')} waves={[w('pre'), w('then')]} />
          {measure.programmeEffect && (
            <>
              <h5>{t('trainer.report.programmeEffect')}</h5>
              <p className="hint">{t('trainer.report.programmeEffectNote')}</p>
              <ComparisonStats change={measure.programmeEffect} scale={measure.scale} diffLabel={t('trainer.report.diff.programmeEffect')} waves={[w('then'), w('post')]} />
            </>
          )}
        </>
      )}
    </ComparisonSection>
  );
}

/** Follow-up − after, among learners who answered both. */
export function RetentionSection({ measure, minN }: Props) {
  const { t } = useTranslation();
  const w = (wave: string) => t(`trainer.report.waves.${wave}`);
  return (
    <ComparisonSection title={t('trainer.report.retention')} withheld={isWithheld(measure, 'retention')} minN={minN} empty={t('trainer.report.noRetention')}>
      {measure.retention && (
        <>
          <p className="hint">{t('trainer.report.retentionNote')}</p>
          <ComparisonStats change={measure.retention} scale={measure.scale} diffLabel={t('trainer.report.diff.retention')} waves={[w('post'), w('followup')]} />
        </>
      )}
    </ComparisonSection>
  );
}
