import { render, screen, within } from '@testing-library/react';
import i18n, { loadStaffStrings } from '../../lib/i18n';
import { BreakdownTables } from './breakdown-table';
import { ComparisonStats } from './comparison-stats';
import { measure, sleepChange, tooFewPairs } from './report-fixtures';
import type { Breakdown } from './report-types';

const measures = [measure({}), measure({ key: 'rights', label: 'Derechos', kind: 'attitude', scale: 'likert' })];
const waves: [string, string] = ['antes', 'después'];

describe('report parts', () => {
  beforeAll(async () => {
    await loadStaffStrings();
    await i18n.changeLanguage('es');
  });

  it('says once that the tests need more pairs, never "no calculable" under each statistic nor NaN', () => {
    const { container } = render(<ComparisonStats change={tooFewPairs} scale="percent" diffLabel="Cambio medio (después − antes)" waves={waves} preOnly={3} />);
    expect(container.textContent).not.toMatch(/NaN|null|undefined|Infinity/);
    expect(screen.getByText('+10.00 pp')).toBeTruthy();
    expect(container.textContent!.match(/no calculable/g)).toHaveLength(1);
    expect(screen.getByText('El intervalo, las pruebas y los tamaños del efecto no se pueden calcular (no calculable: menos de 2 pares completos).')).toBeTruthy();
    expect(screen.getByText('1 par')).toBeTruthy();
    // Pre-only learners are counted beside the pairs, never as a second mean.
    const preOnly = screen.getByText('Solo antes').parentElement!;
    expect(preOnly.textContent).toBe('Solo antes3 (sin medición final todavía; no entran en ninguna media)');
    expect(screen.getAllByText(/^Media /).map((dt) => dt.textContent)).toEqual(['Media antes', 'Media después']);
  });

  it('prints t(df), p, Wilcoxon V and the CI as R reports them, over the complete pairs', () => {
    render(<ComparisonStats change={sleepChange} scale="percent" diffLabel="Cambio medio (después − antes)" waves={waves} />);
    expect(screen.getByText('IC 95 % [0.70, 2.46]')).toBeTruthy();
    expect(screen.getByText(/t\(9\) = 4\.06, p/).textContent).toBe('t(9) = 4.06, p = 0.003');
    expect(screen.getByText(/V = 45/).textContent).toContain('V = 45, p = 0.009 (aproximación normal)');
    expect(screen.getByText('1.28')).toBeTruthy();
    expect(screen.getByText('10 pares')).toBeTruthy();
    expect(screen.getByText('Media antes').nextSibling!.textContent).toBe('50.8 ± 1.8');
  });

  it('labels the then-test difference as a response shift, not as the pre/post change', () => {
    render(<ComparisonStats change={sleepChange} scale="likert" diffLabel={i18n.t('trainer.report.diff.responseShift')} waves={['antes', 'mirando atrás']} />);
    expect(screen.getByText('Mirando atrás − antes (cambio de referencia)')).toBeTruthy();
    expect(screen.queryByText('Cambio medio (después − antes)')).toBeNull();
  });

  it('shows suppressed groups with their reason in words and no numbers, per measure, with the total', () => {
    const breakdown: Breakdown = {
      by: 'positionType',
      measures: [
        {
          measure: 'knowledge', totalN: 10,
          groups: [
            { key: 'health_staff', suppressed: true, reason: 'small_n' },
            { key: 'municipal_official', suppressed: true, reason: 'complementary' },
            { key: 'police', suppressed: false, n: 6, meanChange: 1.2 },
          ],
        },
        { measure: 'rights', totalN: null, groups: [{ key: 'police', suppressed: true, reason: 'small_n' }] },
      ],
    };
    render(<BreakdownTables breakdown={breakdown} measures={measures} minN={5} />);
    const table = screen.getByRole('table', { name: 'Conocimientos: cambio medio por tipo de cargo' });
    expect(within(table).getByRole('row', { name: /Personal de salud/ }).textContent).toBe('Personal de saludoculto: menos de 5 personas');
    expect(within(table).getByRole('row', { name: /Funcionario/ }).textContent).toContain('oculto para que no se deduzca otro grupo');
    const police = within(table).getByRole('row', { name: /Policía/ });
    expect(within(police).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '+1.2']);
    expect(within(table).getByRole('row', { name: /Total/ }).textContent).toBe('Total10');
    // A measure whose every group is hidden says so once instead of a table of hidden rows.
    expect(screen.queryByRole('table', { name: /Derechos/ })).toBeNull();
    expect(screen.getAllByText(/Derechos: cambio medio por tipo de cargo: no se muestra/)).toHaveLength(1);
  });
});
