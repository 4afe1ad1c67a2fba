import { lazy, Suspense } from 'react';

// The Markdown reader (marked, 15 KB gzip) loads with the first page that shows course text: the course map, quizzes
// and assessments never download it.
const MarkdownView = lazy(() => import('./markdown-view'));

/** Course text written in Markdown by content editors (see markdown-view.tsx for what it may contain). */
export function Markdown(props: { source: string; className?: string }) {
  return (
    <Suspense fallback={<div className={props.className ? `prose ${props.className}` : 'prose'} aria-busy="true" />}>
      <MarkdownView {...props} />
    </Suspense>
  );
}
