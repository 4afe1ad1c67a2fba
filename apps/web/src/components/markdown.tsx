import { lazy, Suspense } from 'react';
import { MarkdownTreeView } from './markdown-tree-view';

// The Markdown parser (marked, 15 KB gzip) loads only where text arrives unparsed: staff pages (editor preview,
// report notes, version history). Learner pages get course text parsed by the API (MarkdownTreeView).
const MarkdownView = lazy(() => import('./markdown-view'));

/**
 * Course text: `tree`, as the API sends lessons and the consent, or Markdown `source` written by content editors (see
 * markdown-view.tsx for what it may contain). A copy stored on the phone by an older build may still hold Markdown.
 */
export function Markdown(props: { source?: string; tree?: readonly unknown[] | string; className?: string }) {
  const { tree } = props;
  if (tree !== undefined && typeof tree !== 'string') return <MarkdownTreeView nodes={tree} className={props.className} />;
  const source = tree ?? props.source ?? '';
  return (
    <Suspense fallback={<div className={props.className ? `prose ${props.className}` : 'prose'} aria-busy="true" />}>
      <MarkdownView source={source} className={props.className} />
    </Suspense>
  );
}
