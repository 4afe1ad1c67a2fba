import { useTranslation } from '../../lib/i18n';
import { fixed, pValue, type Scale, scoreDigits, signed } from './format';
import type { Comparison } from './report-types';
import { StatValue } from './stat-value';
import { NotEnoughNote } from './withheld-note';

/** The statistics that need at least two pairs: when all of them are undefined, the section says so once. */
const TESTS = ['ci95', 't', 'wilcoxon.v', 'dz', 'dav'] as const;

interface Props {
  change: Comparison;
  scale: Scale;
  /** What the difference is, e.g. "Cambio medio (después − antes)" or "Mirando atrás − antes (cambio de referencia)". */
  diffLabel: string;
  /** The two waves compared, in order (meanPre is the first, meanPost the second). */
  waves: [string, string];
  /** Learners with the first wave only (shown beside the pairs, never as a mean). */
  preOnly?: number;
}

/**
 * A paired comparison over complete pairs: both means over the same learners, the mean difference with its 95 % CI,
 * paired t, Wilcoxon signed-rank and the two effect sizes. "—" with a reason when one statistic is undefined; one
 * sentence when none of them can be computed.
 */
export function ComparisonStats({ change, scale, diffLabel, waves, preOnly }: Props) {
  const { t } = useTranslation();
  const digits = 2; // the change and its CI to two decimals on both scales, as R prints them
  const unit = scale === 'percent' ? ` ${t('trainer.report.pp')}` : '';
  const why = change.undefinedReasons;
  const valueOf = (key: (typeof TESTS)[number]) => (key === 'wilcoxon.v' ? change.wilcoxon.v : change[key]);
  const noTests = TESTS.every((key) => valueOf(key) === null);
  const reason = TESTS.map((key) => why[key]).find(Boolean) ?? 'unknown';
  const mean = (m: number | null, sd: number | null) =>
    m === null ? '—' : sd === null ? fixed(m, scoreDigits(scale)) : t('trainer.report.meanSd', { mean: fixed(m, scoreDigits(scale)), sd: fixed(sd, scoreDigits(scale)) });
  return (
    <>
      <dl className="stat-list">
        <div><dt>{t('trainer.report.completePairs')}</dt><dd>{t('trainer.report.pairs', { count: change.n })}</dd></div>
        {preOnly !== undefined && (
          <div><dt>{t('trainer.report.preOnly')}</dt><dd>{preOnly} <span className="stat-note">{t('trainer.report.preOnlyNote')}</span></dd></div>
        )}
        {change.n > 0 && (
          <>
            <div><dt>{t('trainer.report.meanOf', { wave: waves[0] })}</dt><dd>{mean(change.meanPre, change.sdPre)}</dd></div>
            <div><dt>{t('trainer.report.meanOf', { wave: waves[1] })}</dt><dd>{mean(change.meanPost, change.sdPost)}</dd></div>
            <div>
              <dt>{diffLabel}</dt>
              <dd>
                <StatValue value={change.meanDiff} reason={why.meanDiff}>{(d) => `${signed(d, digits)}${unit}`}</StatValue>
                {!noTests && (
                  <>
                    {' '}
                    <StatValue value={change.ci95} reason={why.ci95}>
                      {([low, high]) => <span className="ci">{t('trainer.report.ci', { low: fixed(low!, digits), high: fixed(high!, digits) })}</span>}
                    </StatValue>
                  </>
                )}
              </dd>
            </div>
          </>
        )}
        {!noTests && <Tests change={change} />}
      </dl>
      {change.n === 0 ? (
        <NotEnoughNote text={t('trainer.report.noPairsYet')} />
      ) : (
        noTests && <NotEnoughNote text={t('trainer.report.notEnoughTests', { reason: t(`trainer.reasons.${reason}`, { defaultValue: t('trainer.reasons.unknown') }) })} />
      )}
    </>
  );
}

function Tests({ change }: { change: Comparison }) {
  const { t } = useTranslation();
  const why = change.undefinedReasons;
  return (
    <>
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
    </>
  );
}

function formatPText(p: number): string {
  const text = pValue(p);
  return text.startsWith('<') ? text : `= ${text}`;
}
