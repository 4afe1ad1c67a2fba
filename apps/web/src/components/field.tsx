import { type ReactNode, useId } from 'react';

/** A labelled form field with an optional hint announced with the input. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hintId })}
      {hint && <p id={hintId} className="hint">{hint}</p>}
    </div>
  );
}
