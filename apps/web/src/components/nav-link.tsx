import type { AnchorHTMLAttributes } from 'react';
import { Link, useLocation } from 'wouter';

interface Props extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  /** Active on this exact path only, not on the paths below it. */
  end?: boolean;
}

// Paths compare as the router matches them: case-insensitive, a trailing slash ignored.
const normalise = (path: string) => path.toLowerCase().replace(/(.)\/+$/, '$1');

/**
 * A link in a navigation list that tells assistive technology which page is open (aria-current="page"); the styles
 * key on that attribute too. Active on its own path and, unless `end`, on the paths below it.
 */
export function NavLink({ to, end = false, className, ...props }: Props) {
  const [location] = useLocation();
  const here = normalise(location);
  const target = normalise(to);
  const active = here === target || (!end && here.startsWith(`${target}/`));
  return (
    <Link
      {...props}
      to={to}
      aria-current={active ? 'page' : undefined}
      className={[className, active && 'active'].filter(Boolean).join(' ') || undefined}
    />
  );
}
