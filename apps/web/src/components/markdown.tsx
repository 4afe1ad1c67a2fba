import { createElement, lazy, type ReactNode, Suspense } from 'react';

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

/** The elements course text may contain (libs/curriculum/src/markdown-tree.ts); any other tag keeps only its words. */
const ALLOWED = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'br']);

/**
 * Course text the API sent already parsed: built as React elements from the allow-list, text inserted as text. No
 * attribute but an ordered list's start number, no HTML string, nothing to sanitise, and no Markdown parser on the
 * learner's phone.
 */
export function MarkdownTreeView({ nodes, className }: { nodes: readonly unknown[]; className?: string }) {
  return <div className={className ? `prose ${className}` : 'prose'}>{children(nodes)}</div>;
}

function children(nodes: readonly unknown[]): ReactNode[] {
  return nodes.map((node, key) => element(node, key));
}

function element(node: unknown, key: number): ReactNode {
  if (typeof node === 'string') return node;
  if (!Array.isArray(node) || typeof node[0] !== 'string') return null;
  const [tag, ...rest] = node as [string, ...unknown[]];
  if (!ALLOWED.has(tag)) return <span key={key}>{children(rest)}</span>;
  if (tag === 'br') return <br key={key} />;
  if (tag === 'ol' && typeof rest[0] === 'number') {
    const start = Number.isSafeInteger(rest[0]) ? rest[0] : undefined;
    return <ol key={key} start={start}>{children(rest.slice(1))}</ol>;
  }
  return createElement(tag, { key }, ...children(rest.filter((n) => typeof n !== 'number')));
}
