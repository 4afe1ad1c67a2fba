import { useTranslation } from '../../../lib/i18n';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../../components/report/chart-figure';
import { fixed, scoreDigits } from '../../../components/report/format';
import type { StudyMeasure } from '../api/studies';

/** The four means (arm × before/after) as two lines; the caption states them (the table holds every figure). */
export function FourMeansChart({ measure }: { measure: StudyMeasure }) {
  const { t } = useTranslation();
  const m = measure.means;
  if (!m) return null;
  const digits = scoreDigits(measure.scale);
  const data = [
    { wave: t('trainer.studies.before'), treated: m.treatedBefore, waitlist: m.waitlistBefore },
    { wave: t('trainer.studies.after'), treated: m.treatedAfter, waitlist: m.waitlistAfter },
  ];
  const domain: [number, number] = measure.scale === 'percent' ? [0, 100] : [1, 5];
  const caption = t('trainer.studies.chartCaption', {
    measure: measure.label,
    tb: fixed(m.treatedBefore, digits), ta: fixed(m.treatedAfter, digits), wb: fixed(m.waitlistBefore, digits), wa: fixed(m.waitlistAfter, digits),
  });
  return (
    <ChartFigure caption={caption}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e0ea" vertical={false} />
          <XAxis dataKey="wave" padding={{ left: 24, right: 24 }} tick={{ fill: '#1d1d24' }} />
          <YAxis domain={domain} width={40} tick={{ fill: '#1d1d24' }} />
          <Legend />
          <Line dataKey="treated" name={t('trainer.studies.arm.treated')} stroke="#5b2a86" strokeWidth={3} dot={{ r: 5 }} isAnimationActive={false} />
          <Line dataKey="waitlist" name={t('trainer.studies.arm.waitlist')} stroke="#b35900" strokeWidth={3} strokeDasharray="6 4" dot={{ r: 5 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
