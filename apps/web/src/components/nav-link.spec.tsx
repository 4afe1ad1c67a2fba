import { act, fireEvent, render, screen } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { NavLink } from './nav-link';

function renderAt(path: string, links: { to: string; label: string; end?: boolean }[]) {
  const memory = memoryLocation({ path, record: true });
  render(
    <Router hook={memory.hook}>
      <nav>{links.map((l) => <NavLink key={l.label} to={l.to} end={l.end}>{l.label}</NavLink>)}</nav>
    </Router>,
  );
  return memory;
}

const current = () => screen.getAllByRole('link').filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.textContent);

describe('NavLink', () => {
  it('marks the open page with aria-current="page" (and the "active" class), no other link', () => {
    renderAt('/admin/cohorts', [{ to: '/admin/accounts', label: 'Cuentas' }, { to: '/admin/cohorts', label: 'Cohortes', end: false }]);
    expect(current()).toEqual(['Cohortes']);
    expect(screen.getByText('Cohortes').className).toBe('active');
    expect(screen.getByText('Cuentas').hasAttribute('class')).toBe(false);
    expect(screen.getByText('Cohortes').getAttribute('href')).toBe('/admin/cohorts');
  });

  it('stays active below its path unless `end`, and ignores a trailing slash and case', () => {
    renderAt('/Trainer/cohorts/c1/codes/', [
      { to: '/trainer/cohorts/c1', label: 'Resumen', end: true },
      { to: '/trainer/cohorts/c1/codes', label: 'Códigos', end: true },
      { to: '/trainer', label: 'Área' },
      { to: '/', label: 'Inicio' },
    ]);
    expect(current()).toEqual(['Códigos', 'Área']);
  });

  it('moves aria-current when a link is followed', () => {
    const memory = renderAt('/trainer/cohorts/c1', [
      { to: '/trainer/cohorts/c1', label: 'Resumen', end: true },
      { to: '/trainer/cohorts/c1/roster', label: 'Participantes', end: true },
    ]);
    expect(current()).toEqual(['Resumen']);
    act(() => void fireEvent.click(screen.getByText('Participantes')));
    expect(memory.history).toEqual(['/trainer/cohorts/c1', '/trainer/cohorts/c1/roster']);
    expect(current()).toEqual(['Participantes']);
  });
});
