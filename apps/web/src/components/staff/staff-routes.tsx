import type { ReactNode } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import './staff.css';

/**
 * The frame of a staff area's lazily loaded routes: the staff styles, an optional nav above one Switch of `children`,
 * and with `fallback` a last route that sends any other path there.
 */
export function StaffRoutes({ className, nav, fallback, children }: { className?: string; nav?: ReactNode; fallback?: string; children: ReactNode }) {
  return (
    <div className={className ? `staff-area ${className}` : 'staff-area'}>
      {nav}
      <Switch>
        {children}
        {fallback && <Route><Redirect to={fallback} replace /></Route>}
      </Switch>
    </div>
  );
}
