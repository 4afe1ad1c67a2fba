import { render, screen, within } from '@testing-library/react';
import i18n, { loadStaffStrings } from '../../lib/i18n';
import { BreakdownTable } from './breakdown-table';
import { ComparisonStats } from './comparison-stats';
import type { Breakdown, Comparison, Measure } from './report-types';

const undefinedChange: Comparison = {
  n: 1, meanPre: 50, meanPost: 60, sdPre: null, sdPost: null, meanDiff: 10, sdDiff: null, ci95: null, t: null, df: null, p: null,
  wilcoxon: { v: null, p: null, method: null }, dz: null, dav: null,
  undefinedReasons: { sdDiff: 'too_few_pairs', ci95: 'too_few_pairs', t: 'too_few_pairs', df: 'too_few_pairs', p: 'too_few_pairs', 'wilcoxon.v': 'too_few_pairs', 'wilcoxon.p': 'too_few_pairs', dz: 'too_few_pairs', dav: 'too_few_pairs' },
  reading: 'Conocimientos: hay muy pocas personas con puntaje antes y después para evaluar el cambio (n = 1).',
};

const measures = [{ key: 'knowledge', label: 'Conocimientos', scale: 'percent' }, { key: 'rights', label: 'Derechos', scale: 'likert' }] as Measure[];

describe('report parts', () => {
  beforeAll(async () => {
    await loadStaffStrings();
    await i18n.changeLanguage('es');
  });

  it('shows an undefined statistic as "—" with its reason in words, never NaN', () => {
    const { container } = render(<ComparisonStats change={undefinedChange} scale="percent" />);
    expect(container.textContent).not.toMatch(/NaN|null|undefined|Infinity/);
    expect(screen.getByText('+10.00 pp')).toBeTruthy();
    expect(screen.getAllByText('no calculable: menos de 2 pares completos')).toHaveLength(5); // CI, t, Wilcoxon, d_z, d_av
  });

  it('prints t(df), p, Wilcoxon V and the CI as R reports them', () => {
    const change: Comparison = {
      ...undefinedChange, n: 10, meanDiff: 1.58, ci95: [0.7001, 2.4599], t: 4.0621, df: 9, p: 0.002833,
      wilcoxon: { v: 45, p: 0.009091, method: 'normal' }, dz: 1.2846, dav: 0.8254, undefinedReasons: {},
    };
    render(<ComparisonStats change={change} scale="percent" />);
    expect(screen.getByText('IC 95 % [0.70, 2.46]')).toBeTruthy();
    expect(screen.getByText(/t\(9\) = 4\.06, p/).textContent).toBe('t(9) = 4.06, p = 0.003');
    expect(screen.getByText(/V = 45/).textContent).toContain('V = 45, p = 0.009');
    expect(screen.getByText('1.28')).toBeTruthy();
  });

  it('shows suppressed groups as "n < 5" with no numbers at all', () => {
    const breakdown: Breakdown = {
      by: 'positionType', totalN: 10,
      groups: [
        { key: 'health_staff', suppressed: true, reason: 'small_n' },
        { key: 'municipal_official', suppressed: true, reason: 'complementary' },
        { key: 'police', suppressed: false, n: 6, meanChange: { knowledge: 1.2, rights: null } },
      ],
    };
    render(<BreakdownTable breakdown={breakdown} measures={measures} />);
    const table = screen.getByRole('table', { name: 'Cambio medio por tipo de cargo' });
    const health = within(table).getByRole('row', { name: /Personal de salud/ });
    expect(health.textContent).toBe('Personal de saludn < 5');
    expect(within(table).getByRole('row', { name: /Funcionario/ }).textContent).toContain('oculto para que no se deduzca otro grupo');
    const police = within(table).getByRole('row', { name: /Policía/ });
    expect(within(police).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '+1.2', '—']);
  });
});
