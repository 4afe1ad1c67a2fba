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

/** The then-test: looking back − before (response shift, with its own reading) and after − looking back. */
export function ThenTestSection({ measure, minN }: Props) {
  const { t } = useTranslation();
  const w = (wave: string) => t(`trainer.report.waves.${wave}`);
  return (
    <div className="measure-section">
      <h4>{t('trainer.report.thenTest')}</h4>
      {isWithheld(measure, 'thenTest') ? (
        <WithheldNote minN={minN} />
      ) : measure.responseShift ? (
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
      ) : (
        <NotEnoughNote text={t('trainer.report.noThenTest')} />
      )}
    </div>
  );
}

/** Follow-up − after, among learners who answered both. */
export function RetentionSection({ measure, minN }: Props) {
  const { t } = useTranslation();
  const w = (wave: string) => t(`trainer.report.waves.${wave}`);
  return (
    <div className="measure-section">
      <h4>{t('trainer.report.retention')}</h4>
      {isWithheld(measure, 'retention') ? (
        <WithheldNote minN={minN} />
      ) : measure.retention ? (
        <>
          <p className="hint">{t('trainer.report.retentionNote')}</p>
          <ComparisonStats change={measure.retention} scale={measure.scale} diffLabel={t('trainer.report.diff.retention')} waves={[w('post'), w('followup')]} />
        </>
      ) : (
        <NotEnoughNote text={t('trainer.report.noRetention')} />
      )}
    </div>
  );
}
