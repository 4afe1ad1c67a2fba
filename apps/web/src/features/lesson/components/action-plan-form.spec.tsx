import { fireEvent, render, screen } from '@testing-library/react';
import { loadPlayerStrings } from '../../../lib/i18n';
import { getActionPlan, saveActionPlan } from '../api/lesson-api';
import { ActionPlanForm } from './action-plan-form';

jest.mock('../api/lesson-api', () => ({ getActionPlan: jest.fn(), saveActionPlan: jest.fn() }));
const get = getActionPlan as jest.MockedFunction<typeof getActionPlan>;
const save = saveActionPlan as jest.MockedFunction<typeof saveActionPlan>;

describe('the action plan fields in the closing lesson', () => {
  beforeAll(() => loadPlayerStrings());
  beforeEach(() => {
    get.mockReset();
    save.mockReset();
  });

  it('shows three labelled fields of at most 500 characters, filled with the saved plan', async () => {
    get.mockResolvedValue({ commitments: ['uno', 'dos', 'tres'], followUpStatus: null, updatedAt: '2026-12-04T10:00:00.000Z' });
    render(<ActionPlanForm enrolmentId="e1" />);
    const first = (await screen.findByLabelText('Compromiso 1')) as HTMLTextAreaElement;
    await screen.findByDisplayValue('tres');
    expect(first.value).toBe('uno');
    for (const n of [1, 2, 3]) expect((screen.getByLabelText(`Compromiso ${n}`) as HTMLTextAreaElement).maxLength).toBe(500);
    expect(screen.getAllByText('Quedan 497 caracteres.')).toHaveLength(2);
    expect(screen.getByText('Quedan 496 caracteres.')).toBeTruthy();
  });

  it('asks for all three before saving, then saves them trimmed and announces it', async () => {
    get.mockResolvedValue({ commitments: null, followUpStatus: null, updatedAt: null });
    save.mockImplementation(async (_, commitments) => ({ commitments, followUpStatus: null, updatedAt: '2026-12-04T10:00:00.000Z' }));
    render(<ActionPlanForm enrolmentId="e1" />);
    fireEvent.change(await screen.findByLabelText('Compromiso 1'), { target: { value: '  Escuchar primero  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar mi plan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Escriba los tres compromisos antes de guardar.');
    expect(save).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Compromiso 2'), { target: { value: 'Derivar al CEM' } });
    fireEvent.change(screen.getByLabelText('Compromiso 3'), { target: { value: 'Usar el nombre social' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar mi plan' }));
    expect((await screen.findByText(/Su plan de acción está guardado/)).getAttribute('role')).toBe('status');
    expect(save).toHaveBeenCalledWith('e1', ['Escuchar primero', 'Derivar al CEM', 'Usar el nombre social']);
  });
});
