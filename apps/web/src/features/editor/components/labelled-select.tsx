import type { SelectHTMLAttributes } from 'react';

/** A labelled select in an editor field row; `options` are [value, text] pairs. The other props go to the <select>. */
export function LabelledSelect({ id, label, options, ...select }: {
  id: string;
  label: string;
  options: readonly (readonly [string | number, string])[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );
}
