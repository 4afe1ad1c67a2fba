import { useId } from 'react';

/** A labelled progress bar with its value also written out (colour is never the only cue). */
export function ProgressMeter({ label, value, max = 100, text }: { label: string; value: number; max?: number; text: string }) {
  const id = useId();
  return (
    <div className="progress-meter">
      <div className="progress-meter__label">
        <span id={id}>{label}</span>
        <span aria-hidden="true">{text}</span>
      </div>
      <progress aria-labelledby={id} aria-valuetext={text} value={value} max={max} />
    </div>
  );
}
