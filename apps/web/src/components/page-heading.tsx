import { type ReactNode, useEffect, useRef } from 'react';

export const PAGE_SHOWN = 'respeta:page-shown';

/**
 * The page's h1. It takes focus when it appears (and whenever focusKey changes) so that keyboard and screen-reader
 * users start reading the new page at its title after a client-side navigation.
 */
export function PageHeading({ children, focusKey, id }: { children: ReactNode; focusKey?: unknown; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    // The first page is on screen: background work (the service worker's offline copy) may use the network now.
    window.dispatchEvent(new Event(PAGE_SHOWN));
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1} id={id} className="page-heading">
      {children}
    </h1>
  );
}
