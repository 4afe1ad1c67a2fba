import type { ReactNode } from 'react';

export interface ScalePoint {
  value: number;
  label: string;
}

interface Props {
  name: string;
  counter?: string;
  text: string;
  scale: ScalePoint[];
  value: number | undefined;
  onChange(value: number): void;
  disabled?: boolean;
  /** Below the scale (e.g. where the answer is saved). */
  children?: ReactNode;
}

/** One statement rated on the 5-point scale: every point is a labelled radio, so nothing depends on position. */
export function LikertQuestion({ name, counter, text, scale, value, onChange, disabled, children }: Props) {
  return (
    <fieldset className="question likert" disabled={disabled}>
      <legend>
        {counter && <span className="question__counter">{counter}</span>}
        <span className="question__prompt">{text}</span>
      </legend>
      <div className="options likert__options">
        {scale.map((point) => (
          <label key={point.value} className="option">
            <input type="radio" name={name} value={point.value} checked={value === point.value} onChange={() => onChange(point.value)} />
            <span>{point.label}</span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
