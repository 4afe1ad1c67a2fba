import { fireEvent, render, screen, within } from '@testing-library/react';
import i18n, { loadStaffStrings } from '../../lib/i18n';
import { LearnerTable } from './learner-table';
import { MeasureCard } from './measure-card';
import { measure, sleepChange } from './report-fixtures';
import { ScenarioTable } from './scenario-table';

const itemText = (key: string) => key;
// The summary (demo badge, Markdown privacy rules) is checked in the browser: test/browser/trainer.e2e-spec.ts.

describe('report details', () => {
  beforeAll(async () => {
    await loadStaffStrings();
    await i18n.changeLanguage('es');
  });

  it('a withheld attitude measure says once that it is withheld, with no statistic at all', () => {
    const withheld = measure({ key: 'services', label: 'Servicios', kind: 'attitude', scale: 'likert', nPairs: 3, withheld: { reason: 'small_n', n: 3, minN: 5 }, change: null, withheldFigures: ['change'] });
    const { container } = render(<MeasureCard measure={withheld} minN={5} itemText={itemText} />);
    expect(screen.getByText('Servicios: todas las cifras').textContent).toBe('Servicios: todas las cifras (oculto)');
    expect(container.textContent!.match(/menos de 5 personas/g)).toHaveLength(1);
    expect(container.textContent).not.toMatch(/no calculable|Media|IC 95/);
  });

  it('an attitude measure says once per section what is withheld or missing, and labels the then-test as a response shift', () => {
    const attitude = measure({
      key: 'rights', label: 'Derechos', kind: 'attitude', scale: 'likert', alphaPre: null, alphaPost: null, withheldFigures: ['alpha.pre', 'alpha.post', 'retention'],
      responseShift: { ...sleepChange, meanDiff: -0.4, reading: 'Mirando atrás, las personas juzgan su punto de partida con más exigencia.' },
    });
    const { container } = render(<MeasureCard measure={attitude} minN={5} itemText={itemText} />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false); // folded until asked for
    fireEvent.click(screen.getByText('Derechos: todas las cifras'));
    const reliability = screen.getByRole('heading', { name: 'Confiabilidad (α de Cronbach)' }).parentElement!;
    expect(reliability.textContent!.match(/no se muestra/g)).toHaveLength(1);
    const retention = screen.getByRole('heading', { name: 'Retención' }).parentElement!;
    expect(retention.textContent!.match(/no se muestra/g)).toHaveLength(1);
    const thenTest = screen.getByRole('heading', { name: 'Mirando atrás (then-test)' }).parentElement!;
    expect(within(thenTest).getByText('Mirando atrás − antes (cambio de referencia)')).toBeTruthy();
    expect(within(thenTest).getByText('Mirando atrás, las personas juzgan su punto de partida con más exigencia.')).toBeTruthy();
    expect(within(thenTest).queryByText('Cambio medio (después − antes)')).toBeNull();
    expect(screen.getByText(/nunca se muestran por persona/)).toBeTruthy();
  });

  it('names each scenario decision region with the scenario title, and says when fewer than 5 reached a decision', () => {
    const node = (key: string, suppressed: boolean) => ({
      key, situation: 'Llega una denuncia', n: suppressed ? 2 : 6, suppressed,
      choices: suppressed ? [] : [{ key: 'a', text: 'Registrar', points: 2, count: 6, share: 1 }],
    });
    render(
      <>
        <ScenarioTable scenario={{ key: 's1', title: 'La comisaría', nodes: [node('n1', false), node('n2', true)] }} minN={5} />
        <ScenarioTable scenario={{ key: 's2', title: 'El centro de salud', nodes: [node('n1', false)] }} minN={5} />
      </>,
    );
    const names = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(names).toEqual(['La comisaría: decisión 1', 'El centro de salud: decisión 1']);
    expect(screen.getByText('Menos de 5 personas llegaron a esta decisión: no se muestran las proporciones.')).toBeTruthy();
  });

  it('marks course-only learners and shows knowledge scores only', () => {
    render(
      <LearnerTable
        total={2}
        learners={[
          { enrolmentId: '1', name: 'Ana', positionType: 'police', region: 'ucayali', stage: 'completed', evaluationUse: true, certified: true, knowledge: { pre: 50, post: 75.5, change: 25.5 } },
          { enrolmentId: '2', name: 'Beto', positionType: null, region: null, stage: 'learning', evaluationUse: false, certified: false, knowledge: null },
        ]}
      />,
    );
    const cells = (name: string) => within(screen.getByRole('row', { name: new RegExp(name) })).getAllByRole('cell').map((c) => c.textContent);
    expect(cells('Ana')).toEqual(['Policía (PNP)', 'Ucayali', 'Completó el curso', 'Con evaluación', 'Sí', '50.0', '75.5', '+25.5']);
    expect(cells('Beto')).toEqual(['—', '—', 'Módulos', 'solo curso', 'No', 'solo curso: sin puntajes']);
  });
});
