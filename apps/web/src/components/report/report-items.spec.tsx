import { render, screen, within } from '@testing-library/react';
import i18n, { loadStaffStrings } from '../../lib/i18n';
import { ItemAnalysisTable } from './item-analysis-table';
import { ItemShiftTable } from './item-shift-table';
import { itemWave } from './report-fixtures';
import type { ItemShift } from './report-types';

describe('report items', () => {
  beforeAll(async () => {
    await loadStaffStrings();
    await i18n.changeLanguage('es');
  });

  it('shows facility, discrimination, option shares and the flags in words, with KR-20 and its CI', () => {
    render(<ItemAnalysisTable analysis={itemWave} wave="pre" />);
    const table = screen.getByRole('table', { name: 'Preguntas de conocimientos: evaluación inicial' });
    const row = within(table).getByRole('row', { name: /Qué ley/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]!.textContent).toBe('0.95');
    expect(cells[1]!.textContent).toBe('\u22120.12');
    expect(within(cells[2]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['ALey 30364 (correcta)90 %', 'BLey 10 %', 'Sin responder5 %']);
    expect(within(cells[3]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Demasiado fácil antes del curso', 'Discriminación negativa: algo confunde', 'Una opción incorrecta que nadie elige',
    ]);
    expect(within(within(table).getByRole('row', { name: /Dónde/ })).getAllByRole('cell')[3]!.textContent).toBe('—');
    expect(screen.getByText('KR-20').parentElement!.textContent).toBe('KR-20 = 0.65 IC 95 % [0.10, 0.90] (n = 10, 2 preguntas)');
    expect(screen.getByText('10 pruebas con al menos una respuesta. 1 prueba enviada sin respuestas cuenta como dato faltante.')).toBeTruthy();
  });

  it('says once that there are too few tests, with no table', () => {
    render(<ItemAnalysisTable analysis={{ ...itemWave, n: 1, nEmpty: 0, kr20: { n: 1, k: 2, alpha: null, ci95: null } }} wave="post" />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('1 prueba con al menos una respuesta.')).toBeTruthy();
    expect(screen.getAllByText(/Todavía no hay suficientes pruebas/)).toHaveLength(1);
  });

  it('ranks item shifts in the server order and hides suppressed attitude items as "oculto (n < 5)"', () => {
    const attitude: ItemShift[] = [
      { key: 'a2', text: 'La violencia no es privada', subscale: 'rights', n: 8, suppressed: false, pre: 2.5, post: 3.75, shift: 1.25 },
      { key: 'a1', text: 'Denunciar ayuda', subscale: 'rights', n: 3, suppressed: true, pre: null, post: null, shift: null },
    ];
    render(<ItemShiftTable items={attitude} kind="attitude" minN={5} subscaleLabel={() => 'Derechos'} />);
    const rows = screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([['1', '8', '2.50', '3.75', '+1.25'], ['2', 'oculto (n < 5)']]);
  });

  it('shows knowledge shifts as percent correct and percentage points', () => {
    const knowledge: ItemShift[] = [{ key: 'k1', text: 'Ley', subscale: null, n: 10, suppressed: false, pre: 0.4, post: 0.9, shift: 0.5 }];
    render(<ItemShiftTable items={knowledge} kind="knowledge" minN={5} subscaleLabel={(k) => k} />);
    expect(within(screen.getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '10', '40 %', '90 %', '+50 pp']);
  });
});
