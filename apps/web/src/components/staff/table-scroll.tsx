import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways inside its own box on a 360 px screen instead of widening the page. The box is
 * focusable and named so keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
