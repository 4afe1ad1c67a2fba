import { type RefObject, useEffect } from 'react';

/**
 * Printing shows everything: folded sections open before the print dialog and close again afterwards (report.css
 * also opens them for print where the browser supports ::details-content).
 */
export function usePrintOpensDetails(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...(root.current?.querySelectorAll('details:not([open])') ?? [])] as HTMLDetailsElement[];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [root]);
}
