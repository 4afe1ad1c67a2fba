import { useTranslation } from 'react-i18next';
import { AlphaSummary } from './alpha-summary';
import { ChangeHistogram } from './change-histogram';
import { ComparisonStats } from './comparison-stats';
import { fixed, scoreDigits } from './format';
import { PairedChart } from './paired-chart';
import type { Comparison, Measure, WaveStats } from './report-types';

/** Everything about one measure (knowledge or an attitude subscale): the reading first, then the numbers and charts. */
export function MeasureCard({ measure, itemText }: { measure: Measure; itemText: (key: string) => string }) {
  const { t } = useTranslation();
  const headingId = `measure-${measure.key}`;
  return (
    <article className="card measure-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{measure.label}</h3>
      <p className="reading">{measure.change.reading}</p>
      <dl className="stat-list stat-list--counts">
        <div><dt>{t('trainer.report.nPairs')}</dt><dd>{measure.nPairs}</dd></div>
        <div><dt>{t('trainer.report.nUnpaired')}</dt><dd>{measure.nUnpaired}</dd></div>
        <div><dt>{t('trainer.report.waves.pre')}</dt><dd><WaveSummary stats={measure.pre} scale={measure.scale} /></dd></div>
        <div><dt>{t('trainer.report.waves.post')}</dt><dd><WaveSummary stats={measure.post} scale={measure.scale} /></dd></div>
      </dl>
      <p className="hint">{t(measure.scale === 'percent' ? 'trainer.report.scalePercent' : 'trainer.report.scaleLikert')}</p>
      <ComparisonStats change={measure.change} scale={measure.scale} />
      <div className="chart-pair">
        <PairedChart measure={measure} />
        <ChangeHistogram measure={measure} />
      </div>
      {(measure.alphaPre || measure.alphaPost) && (
        <div className="measure-section">
          <h4>{t('trainer.report.reliability')}</h4>
          {measure.alphaPre && <AlphaSummary alpha={measure.alphaPre} wave="pre" itemText={itemText} />}
          {measure.alphaPost && <AlphaSummary alpha={measure.alphaPost} wave="post" itemText={itemText} />}
        </div>
      )}
      {measure.responseShift && <Extra title={t('trainer.report.responseShift')} note={t('trainer.report.responseShiftNote')} change={measure.responseShift} scale={measure.scale} />}
      {measure.programmeEffect && <Extra title={t('trainer.report.programmeEffect')} note={t('trainer.report.programmeEffectNote')} change={measure.programmeEffect} scale={measure.scale} />}
      {measure.retention && <Extra title={t('trainer.report.retention')} note={t('trainer.report.retentionNote')} change={measure.retention} scale={measure.scale} />}
    </article>
  );
}

function WaveSummary({ stats, scale }: { stats: WaveStats; scale: Measure['scale'] }) {
  const { t } = useTranslation();
  const digits = scoreDigits(scale);
  if (stats.mean === null) return <>— <span className="stat-reason">{t('trainer.reasons.too_few_values')}</span></>;
  return (
    <>
      {t('trainer.report.meanSd', { mean: fixed(stats.mean, digits), sd: stats.sd === null ? '—' : fixed(stats.sd, digits) })}
      <span className="stat-note"> (n = {stats.n})</span>
    </>
  );
}

function Extra({ title, note, change, scale }: { title: string; note: string; change: Comparison; scale: Measure['scale'] }) {
  return (
    <div className="measure-section">
      <h4>{title}</h4>
      <p className="hint">{note} (n = {change.n})</p>
      <p className="reading reading--secondary">{change.reading}</p>
      <ComparisonStats change={change} scale={scale} />
    </div>
  );
}
