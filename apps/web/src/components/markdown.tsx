import DOMPurify, { type Config } from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/**
 * Exactly what lesson and consent Markdown produces (libs/curriculum/FORMAT.md: paragraphs, headings from ##,
 * lists, bold, italics, quotes) and nothing else: no style, class or id (no fixed-position overlays), no forms,
 * frames, images, links or SVG. Anything else is dropped and its text kept.
 */
export const LESSON_MARKUP: Config = {
  ALLOWED_TAGS: ['p', 'br', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote'],
  ALLOWED_ATTR: ['start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: ['style', 'script', 'template', 'noscript', 'textarea', 'select', 'option', 'title'],
};

export const renderLessonMarkdown = (source: string): string =>
  DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true }), { ...LESSON_MARKUP, RETURN_TRUSTED_TYPE: false }) as string;

/** Course text is Markdown written by content editors: rendered, then reduced to the lesson elements above. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderLessonMarkdown(source), [source]);
  return <div className={className ? `prose ${className}` : 'prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}
