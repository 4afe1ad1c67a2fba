import { type ReactNode, useEffect, useRef } from 'react';

/** The h2 of one screen of the case; takes focus when the screen changes (not on first render: the h1 has it). */
export function ScreenHeading({ children, focus }: { children: ReactNode; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h2>
  );
}
