import { useMemo } from 'react';
import { markdownTree } from '../../../../libs/curriculum/src/markdown-tree';
import { MarkdownTreeView } from './markdown';

/**
 * Course text written in Markdown, parsed in the browser — for staff pages (the editor's preview, report notes); the
 * same parser and allow-list the API uses for learners (libs/curriculum/src/markdown-tree.ts): paragraphs, headings
 * from ##, lists, bold, italics, quotes. No style, class or id (no fixed-position overlays), no forms, frames,
 * images, links or SVG; anything else becomes its plain text, and HTML written inside the Markdown only its words.
 */
export default function MarkdownView({ source, className }: { source: string; className?: string }) {
  const nodes = useMemo(() => markdownTree(source, decodeReferences), [source]);
  return <MarkdownTreeView nodes={nodes} className={className} />;
}

/** Character references read by the browser's inert parser ("<" kept as text: only references are decoded here). */
function decodeReferences(text: string): string {
  return new DOMParser().parseFromString(`<body>${text.replace(/</g, '&lt;')}</body>`, 'text/html').body.textContent ?? '';
}
