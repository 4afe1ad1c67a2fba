import { useTranslation } from 'react-i18next';
import { fixed, pValue, type Scale, signed } from './format';
import type { Comparison } from './report-types';
import { StatValue } from './stat-value';

/** Mean change with its 95 % CI, paired t, Wilcoxon signed-rank and the two effect sizes; "—" with a reason when undefined. */
export function ComparisonStats({ change, scale }: { change: Comparison; scale: Scale }) {
  const { t } = useTranslation();
  const digits = 2; // the change and its CI to two decimals on both scales, as R prints them
  const unit = scale === 'percent' ? ` ${t('trainer.report.pp')}` : '';
  const why = change.undefinedReasons;
  return (
    <dl className="stat-list">
      <div>
        <dt>{t('trainer.report.meanChange')}</dt>
        <dd>
          <StatValue value={change.meanDiff} reason={why.meanDiff}>{(d) => `${signed(d, digits)}${unit}`}</StatValue>
          {' '}
          <StatValue value={change.ci95} reason={why.ci95}>
            {([low, high]) => <span className="ci">{t('trainer.report.ci', { low: fixed(low, digits), high: fixed(high, digits) })}</span>}
          </StatValue>
        </dd>
      </div>
      <div>
        <dt>{t('trainer.report.pairedT')}</dt>
        <dd>
          <StatValue value={change.t} reason={why.t}>
            {(tv) => (
              <>
                t({change.df ?? '—'}) = {fixed(tv, 2)}, p{' '}
                <StatValue value={change.p} reason={why.p}>{(p) => formatPText(p)}</StatValue>
              </>
            )}
          </StatValue>
        </dd>
      </div>
      <div>
        <dt>{t('trainer.report.wilcoxon')}</dt>
        <dd>
          <StatValue value={change.wilcoxon.v} reason={why['wilcoxon.v']}>
            {(v) => (
              <>
                V = {fixed(v, v % 1 === 0 ? 0 : 1)}, p{' '}
                <StatValue value={change.wilcoxon.p} reason={why['wilcoxon.p']}>{(p) => formatPText(p)}</StatValue>
                {change.wilcoxon.method && <span className="stat-note"> ({t(`trainer.report.wilcoxonMethod.${change.wilcoxon.method}`)})</span>}
              </>
            )}
          </StatValue>
        </dd>
      </div>
      <div>
        <dt>{t('trainer.report.dz')}</dt>
        <dd><StatValue value={change.dz} reason={why.dz}>{(d) => fixed(d, 2)}</StatValue></dd>
      </div>
      <div>
        <dt>{t('trainer.report.dav')}</dt>
        <dd><StatValue value={change.dav} reason={why.dav}>{(d) => fixed(d, 2)}</StatValue></dd>
      </div>
    </dl>
  );
}

function formatPText(p: number): string {
  const text = pValue(p);
  return text.startsWith('<') ? text : `= ${text}`;
}
