import { useMemo } from 'react';
import { useTranslation } from '../../lib/i18n';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './chart-figure';
import { direction, DIRECTION_COLOURS, scoreDomain } from './chart-data';
import { fixed, scoreDigits } from './format';
import type { Measure } from './report-types';

/**
 * One line per learner from pre to post (complete pairs; the server sends an even sample of at most 400), with the
 * paired means drawn thick on top.
 */
export function PairedChart({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const meanPre = measure.change?.meanPre ?? null;
  const meanPost = measure.change?.meanPost ?? null;
  const pairs = measure.pairSample as [number, number][];
  const data = useMemo(() => (['pre', 'post'] as const).map((wave, w) => {
    const row: Record<string, number | string | null> = { wave: t(`trainer.report.wavesTitle.${wave}`), mean: w === 0 ? meanPre : meanPost };
    pairs.forEach((pair, i) => (row[`p${i}`] = pair[w]));
    return row;
  }), [pairs, meanPre, meanPost, t]);
  if (measure.nPairs === 0 || !measure.distribution || pairs.length === 0) return null;

  const { improved, unchanged, declined, range } = measure.distribution;
  const [low, high] = scoreDomain(range as [number, number] | null, measure.scale);
  const digits = scoreDigits(measure.scale);
  const caption = t('trainer.report.pairedChartCaption', {
    n: measure.nPairs, improved, unchanged, declined, low, high,
    pre: meanPre === null ? '—' : fixed(meanPre, digits), post: meanPost === null ? '—' : fixed(meanPost, digits),
  }) + (pairs.length < measure.nPairs ? ` ${t('trainer.report.pairedChartSample', { shown: pairs.length, n: measure.nPairs })}` : '');
  return (
    <ChartFigure caption={caption}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e0ea" vertical={false} />
          <XAxis dataKey="wave" padding={{ left: 24, right: 24 }} tick={{ fill: '#1d1d24' }} />
          <YAxis domain={[low, high]} ticks={ticks(low, high, measure.scale === 'percent' ? 10 : 1)} width={40} tick={{ fill: '#1d1d24' }} />
          {pairs.map((pair, i) => (
            <Line key={i} dataKey={`p${i}`} stroke={DIRECTION_COLOURS[direction(pair)]} strokeOpacity={0.4} strokeWidth={1.5}
              dot={{ r: 2.5, strokeOpacity: 0.6 }} activeDot={false} isAnimationActive={false} />
          ))}
          <Line dataKey="mean" stroke="#1d1d24" strokeWidth={4} dot={{ r: 5 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function ticks(low: number, high: number, step: number): number[] {
  const out: number[] = [];
  for (let v = low; v <= high; v += step) out.push(v);
  return out;
}
