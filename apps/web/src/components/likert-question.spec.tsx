import { fireEvent, render, screen, within } from '@testing-library/react';
import { LikertQuestion } from './likert-question';

const scale = [1, 2, 3, 4, 5].map((value) => ({ value, label: `Nivel ${value}` }));

describe('LikertQuestion', () => {
  it('is a group named by the statement with one labelled radio per scale point, reporting the number', () => {
    const onChange = jest.fn();
    render(<LikertQuestion name="att1" counter="Afirmación 2 de 9" text="La violencia es privada." scale={scale} value={2} onChange={onChange} />);
    const group = screen.getByRole('group', { name: /Afirmación 2 de 9\s*La violencia es privada\./ });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(radios.every((r) => r.name === 'att1')).toBe(true);
    expect((within(group).getByLabelText('Nivel 2') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByLabelText('Nivel 5'));
    expect(onChange).toHaveBeenCalledWith(5);
  });
});
