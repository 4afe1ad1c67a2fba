import { render, screen, within } from '@testing-library/react';
import i18n, { changeLanguage, loadStaffStrings } from '../../lib/i18n';
import { HeadlineList } from './headline-list';
import { ParticipationSummary } from './participation-summary';
import { headlines, participation } from './report-fixtures';

describe('report summary', () => {
  beforeAll(async () => {
    await loadStaffStrings();
    await i18n.changeLanguage('es');
  });
  afterAll(() => changeLanguage('es'));

  it('counts participation in six plural-aware lines, with the rest in one sentence', () => {
    render(<ParticipationSummary participation={participation} />);
    const counts = within(screen.getByRole('list', { name: 'Participación' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(counts).toEqual([
      '12 personas inscritas', '10 en las estadísticas', '1 completó el curso', '2 con certificado', '1 eligió solo el curso', '1 retiró su consentimiento',
    ]);
    expect(screen.getByText(/1 persona fue retirada de la cohorte por la formadora\./)).toBeTruthy();
    expect(screen.getByText(/^3 personas de las estadísticas escribieron su plan de acción \(solo se cuenta/)).toBeTruthy();
  });

  it('counts action plans with a plural-aware line, one learner in the singular', () => {
    render(<ParticipationSummary participation={{ ...participation, actionPlans: 1 }} />);
    expect(screen.getByText(/^1 persona de las estadísticas escribió su plan de acción/)).toBeTruthy();
  });

  it('one line per measure with change, CI and pairs; a withheld measure says once that it is withheld and why', () => {
    const { container } = render(<HeadlineList headlines={headlines} />);
    const [knowledge, rights, services] = screen.getAllByRole('listitem');
    expect(within(knowledge!).getByText('Conocimientos').parentElement!.textContent).toBe('Conocimientos +1.58 pp IC 95 % [0.70, 2.46] (10 pares)');
    expect(within(knowledge!).getByText('En Conocimientos, el puntaje promedio mejoró.')).toBeTruthy();
    expect(rights!.textContent).toContain('(1 par)');
    expect(services!.textContent).toBe('Servicios — no se muestra: menos de 5 personas respondieron antes y después, y las cifras de opinión son confidenciales.');
    expect(container.textContent!.match(/menos de 5 personas/g)).toHaveLength(1);
    expect(container.textContent).not.toMatch(/no calculable|NaN/);
  });

  it('speaks English with English plurals', async () => {
    await changeLanguage('en');
    render(<HeadlineList headlines={headlines} />);
    const [knowledge, rights, services] = screen.getAllByRole('listitem');
    expect(knowledge!.textContent).toContain('+1.58 pp 95% CI [0.70, 2.46] (10 pairs)');
    expect(rights!.textContent).toContain('(1 pair)');
    expect(services!.textContent).toContain('Servicios — not shown: fewer than 5 people answered before and after');
  });
});
