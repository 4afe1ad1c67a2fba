import type { SelectHTMLAttributes } from 'react';
import { Field } from './field';

/**
 * A labelled select of keys shown by their translated names, with a first "none" entry (`none`: its label; `required`
 * makes it a disabled "choose" prompt). The remaining props go to the <select> (name, value/defaultValue, onChange…).
 */
export function SelectField({ label, none, keys, text, ...select }: {
  label: string;
  none: string;
  keys: readonly string[];
  text: (key: string) => string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} {...select}>
          <option value="" disabled={select.required}>{none}</option>
          {keys.map((key) => <option key={key} value={key}>{text(key)}</option>)}
        </select>
      )}
    </Field>
  );
}
