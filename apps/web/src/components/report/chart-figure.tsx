import type { ReactNode } from 'react';

/**
 * A chart with its text alternative: the drawing is hidden from assistive technology and the caption states what it
 * shows (the tables next to it hold every number).
 */
export function ChartFigure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="chart">
      <div className="chart__drawing" aria-hidden="true">{children}</div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
