import type { ReactNode } from 'react';

/** One tab of the cohort page: a section named by its heading (`id`-title), busy while `busy`. */
export function TabSection({ id, title, busy, children }: { id: string; title: string; busy?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
