import { useMemo } from 'react';
import { markdownTree } from '../../../../libs/curriculum/src/markdown-tree';
import { MarkdownTreeView } from './markdown-tree-view';

/**
 * Course text written in Markdown, parsed in the browser — for staff pages (the editor's preview, report notes); the
 * same parser and allow-list the API uses for learners (libs/curriculum/src/markdown-tree.ts): paragraphs, headings
 * from ##, lists, bold, italics, quotes. No style, class or id (no fixed-position overlays), no forms, frames,
 * images, links or SVG; anything else becomes its plain text, and HTML written inside the Markdown only its words.
 */
export default function MarkdownView({ source, className }: { source: string; className?: string }) {
  const nodes = useMemo(() => markdownTree(source), [source]);
  return <MarkdownTreeView nodes={nodes} className={className} />;
}
