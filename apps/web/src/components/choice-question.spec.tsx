import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { loadPlayerStrings } from '../lib/i18n';
import { ChoiceQuestion } from './choice-question';

const options = [
  { key: 'a', text: 'Escuchar sin juzgar' },
  { key: 'b', text: 'Pedir pruebas' },
  { key: 'c', text: 'Derivar al CEM' },
];

/** Controlled like the pages: the parent owns the value, every change is reported. */
function Harness({ type, initial = [], onChange = () => {} }: { type: 'single' | 'multiple'; initial?: string[]; onChange?(value: string[]): void }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <ChoiceQuestion
      name="q1"
      counter="Pregunta 1 de 3"
      prompt="¿Qué hace primero?"
      type={type}
      options={options}
      value={value}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
    />
  );
}

describe('ChoiceQuestion', () => {
  beforeAll(() => loadPlayerStrings());
  it('groups labelled radios under the prompt (counter and prompt in the legend)', () => {
    render(<Harness type="single" />);
    const group = screen.getByRole('group', { name: /Pregunta 1 de 3\s*¿Qué hace primero\?/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    expect(within(group).queryAllByRole('checkbox')).toHaveLength(0);
    for (const option of options) {
      const input = within(group).getByLabelText(option.text) as HTMLInputElement;
      expect(input.type).toBe('radio');
      expect(input.name).toBe('q1');
      expect(input.value).toBe(option.key);
    }
    expect(screen.queryByText('Puede marcar más de una respuesta.')).toBeNull();
  });

  it('reports one option for a single-answer question, replacing the previous one', () => {
    const onChange = jest.fn();
    render(<Harness type="single" initial={['a']} onChange={onChange} />);
    expect((screen.getByLabelText('Escuchar sin juzgar') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Derivar al CEM'));
    expect(onChange).toHaveBeenLastCalledWith(['c']);
    expect((screen.getByLabelText('Derivar al CEM') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Escuchar sin juzgar') as HTMLInputElement).checked).toBe(false);
  });

  it('uses checkboxes with the "more than one" hint when several apply, adding and removing', () => {
    const onChange = jest.fn();
    render(<Harness type="multiple" onChange={onChange} />);
    const group = screen.getByRole('group', { name: /Puede marcar más de una respuesta\./ });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(group).queryAllByRole('radio')).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('Escuchar sin juzgar'));
    fireEvent.click(screen.getByLabelText('Derivar al CEM'));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'c']);
    fireEvent.click(screen.getByLabelText('Escuchar sin juzgar'));
    expect(onChange).toHaveBeenLastCalledWith(['c']);
    expect((screen.getByLabelText('Escuchar sin juzgar') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Derivar al CEM') as HTMLInputElement).checked).toBe(true);
  });

  it('shows per-option feedback next to its option and question feedback below; disabled disables every input', () => {
    render(
      <ChoiceQuestion
        name="q1"
        prompt="¿Qué hace primero?"
        type="trueFalse"
        options={options.slice(0, 2)}
        value={['b']}
        onChange={() => {}}
        disabled
        optionExtra={(key) => (key === 'b' ? <p>Respuesta incorrecta</p> : null)}
      >
        <p>Incorrecta.</p>
      </ChoiceQuestion>,
    );
    const group = screen.getByRole('group', { name: '¿Qué hace primero?' });
    expect((group as HTMLFieldSetElement).disabled).toBe(true);
    expect(within(group).getAllByRole('radio').every((r) => r.matches(':disabled'))).toBe(true);
    const row = screen.getByText('Respuesta incorrecta').closest('.option-row')!;
    expect(within(row as HTMLElement).getByLabelText('Pedir pruebas')).toBeTruthy();
    expect(within(group).getByText('Incorrecta.')).toBeTruthy();
  });
});
