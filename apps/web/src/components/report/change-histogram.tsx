import { useTranslation } from '../../lib/i18n';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './chart-figure';
import { DIRECTION_COLOURS, type Direction } from './chart-data';
import { fixed, signed } from './format';
import type { Measure } from './report-types';

const ORDER: Direction[] = ['declined', 'unchanged', 'improved'];

/** How many learners changed by how much (post − pre), coloured and labelled by direction (bins come from the server). */
export function ChangeHistogram({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  if (!measure.distribution || measure.nPairs === 0) return null;
  const { binWidth: width, bins: raw, improved, unchanged, declined } = measure.distribution;
  const digits = width >= 1 ? 0 : width === 0.25 ? 2 : 1;
  const bins = raw.map((b) => ({ ...b, label: signed(b.centre, digits) }));
  const caption = t('trainer.report.histogramCaption', {
    n: measure.nPairs, improved, unchanged, declined,
    width: t(measure.scale === 'percent' ? 'trainer.report.binPercent' : 'trainer.report.binLikert', { count: width, width: fixed(width, digits) }),
  });
  return (
    <ChartFigure caption={caption}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={bins} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e0ea" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: '#1d1d24' }} />
          <YAxis allowDecimals={false} width={32} tick={{ fill: '#1d1d24' }} />
          <Legend />
          {ORDER.map((d) => (
            <Bar key={d} dataKey={d} stackId="change" name={t(`trainer.report.directions.${d}`)} fill={DIRECTION_COLOURS[d]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
