import { Lexer, type Token, type Tokens } from 'marked';
import { type ReactNode, useMemo } from 'react';

/**
 * Course text is Markdown written by content editors. It is parsed by marked's lexer and built as React elements from
 * an allow-list — exactly what lessons and the consent use (libs/curriculum/FORMAT.md: paragraphs, headings from ##,
 * lists, bold, italics, quotes) — so no HTML string ever reaches the page and there is nothing to sanitise: no
 * style, class or id (no fixed-position overlays), no forms, frames, images, links or SVG. Anything else becomes its
 * plain text; HTML written inside the Markdown is read as text by the browser's inert DOMParser, without what
 * style, script and the like contain. (This replaced marked.parse + DOMPurify: 11 KB gzip less on every course page.)
 */
export default function MarkdownView({ source, className }: { source: string; className?: string }) {
  const content = useMemo(() => blocks(Lexer.lex(source, { gfm: true })), [source]);
  return <div className={className ? `prose ${className}` : 'prose'}>{content}</div>;
}

const HEADINGS = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;
/** Elements whose content is not text a reader should see (as DOMPurify's FORBID_CONTENTS did before). */
const HIDDEN_CONTENT = 'style, script, template, noscript, textarea, select, option, title';

function blocks(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, key) => block(token, key));
}

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'paragraph':
      return <p key={key}>{inline(token.tokens)}</p>;
    case 'heading': {
      const Tag = HEADINGS[token.depth as keyof typeof HEADINGS];
      return Tag ? <Tag key={key}>{inline(token.tokens)}</Tag> : <p key={key}>{inline(token.tokens)}</p>;
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{blocks(item.tokens)}</li>);
      if (!list.ordered) return <ul key={key}>{items}</ul>;
      const start = typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
      return <ol key={key} start={start}>{items}</ol>;
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks(token.tokens)}</blockquote>;
    case 'text':
      // A tight list item's text: inline content without a paragraph.
      return token.tokens ? <span key={key}>{inline(token.tokens)}</span> : decode(token.text);
    case 'html': {
      const text = textOfHtml(token.text).trim();
      return text ? <p key={key}>{text}</p> : null;
    }
    case 'code':
      return <p key={key}>{token.text}</p>;
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row, r) => <p key={`${key}-${r}`}>{row.map((cell, c) => <span key={c}>{c > 0 && ' · '}{inline(cell.tokens)}</span>)}</p>);
    }
    default:
      return null; // space, hr, definitions: nothing to read
  }
}

function inline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, key) => {
    switch (token.type) {
      case 'strong':
        return <strong key={key}>{inline(token.tokens)}</strong>;
      case 'em':
        return <em key={key}>{inline(token.tokens)}</em>;
      case 'br':
        return <br key={key} />;
      case 'text':
        return token.tokens ? <span key={key}>{inline(token.tokens)}</span> : decode(token.text);
      case 'escape':
      case 'codespan':
        return decode(token.text);
      case 'link':
      case 'del':
        return <span key={key}>{inline(token.tokens)}</span>; // the words stay, the link does not
      default:
        return null; // inline HTML tags (their words are separate text tokens), images
    }
  });
}

/** Character references ("&amp;", "&nbsp;") as the characters they name; plain text passes through. */
function decode(text: string): string {
  return text.includes('&') ? textOfHtml(text) : text;
}

/** The readable text of an HTML fragment, parsed in an inert document (no script runs, nothing loads). */
function textOfHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const hidden of doc.body.querySelectorAll(HIDDEN_CONTENT)) hidden.remove();
  return doc.body.textContent ?? '';
}
