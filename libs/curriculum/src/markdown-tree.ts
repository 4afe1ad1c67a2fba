import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Course text (lessons, the consent, scenarios) is Markdown written by content editors. The API sends it already
 * parsed, as this compact tree, so a learner's phone needs no Markdown parser (marked is 16 KB gzip): a node is plain
 * text or `[tag, ...children]`, the tag one of MARKDOWN_TAGS — exactly what lessons use (FORMAT.md: paragraphs,
 * headings from ##, lists, bold, italics, quotes) — and an ordered list may carry its start number as its first child.
 * No attribute, no HTML string: the browser builds elements from the allow-list and inserts text as text. Anything
 * else keeps only its words; HTML written in the Markdown is reduced to its text, without what style, script and
 * the like contain; character references ("&amp;") become the characters they name.
 */
export type MarkdownNode = string | MarkdownElement;
export type MarkdownElement = [MarkdownTag, ...(MarkdownNode | number)[]];
export const MARKDOWN_TAGS = ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'br'] as const;
export type MarkdownTag = (typeof MARKDOWN_TAGS)[number];

const HEADINGS: Record<number, MarkdownTag> = { 2: 'h2', 3: 'h3', 4: 'h4' };
/** Elements whose content is not text a reader should see (as DOMPurify's FORBID_CONTENTS did before). */
const HIDDEN_CONTENT = /<(style|script|template|noscript|textarea|select|option|title|xmp|iframe|noembed|noframes)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;

/** Character references ("&amp;", "&nbsp;", "&#233;") as the characters they name, the rest of the text unchanged. */
export type DecodeReferences = (text: string) => string;

/**
 * The tree of a Markdown text (see MarkdownNode). `decodeReferences` is passed in: the server uses the `entities`
 * package (the HTML table is 20 KB gzip), a browser its own HTML parser.
 */
export function markdownTree(source: string, decodeReferences: DecodeReferences): MarkdownNode[] {
  const decode = (text: string) => (text.includes('&') ? decodeReferences(text) : text);
  /** The readable text of an HTML fragment: hidden elements with their content, comments and tags removed. */
  const textOfHtml = (html: string) =>
    decode(html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(HIDDEN_CONTENT, '').replace(/<\/?[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>?/g, ''));
  return blocks(Lexer.lex(source, { gfm: true }), { decode, textOfHtml });
}

interface Text {
  decode: (text: string) => string;
  textOfHtml: (html: string) => string;
}

/** The words of a tree, for tests and plain-text uses. */
export function markdownText(nodes: readonly (MarkdownNode | number)[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : typeof node === 'number' ? '' : markdownText(node.slice(1)))).join('');
}

function blocks(tokens: Token[] | undefined, x: Text): MarkdownNode[] {
  return merge((tokens ?? []).flatMap((token) => block(token, x)));
}

function block(token: Token, x: Text): MarkdownNode[] {
  switch (token.type) {
    case 'paragraph':
      return [['p', ...inline(token.tokens, x)]];
    case 'heading':
      return [[HEADINGS[token.depth] ?? 'p', ...inline(token.tokens, x)]];
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item): MarkdownNode => ['li', ...blocks(item.tokens, x)]);
      if (!list.ordered) return [['ul', ...items]];
      const start = typeof list.start === 'number' && list.start !== 1 && Number.isSafeInteger(list.start) ? [list.start] : [];
      return [['ol', ...start, ...items]];
    }
    case 'blockquote':
      return [['blockquote', ...blocks(token.tokens, x)]];
    case 'text':
      // A tight list item's text: inline content without a paragraph.
      return token.tokens ? inline(token.tokens, x) : [x.decode(token.text)];
    case 'html': {
      const text = x.textOfHtml(token.text).trim();
      return text ? [['p', text]] : [];
    }
    case 'code':
      return [['p', token.text]];
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row): MarkdownNode => ['p', ...merge(row.flatMap((cell, c) => [...(c > 0 ? [' · '] : []), ...inline(cell.tokens, x)]))]);
    }
    default:
      return []; // space, hr, definitions: nothing to read
  }
}

function inline(tokens: Token[] | undefined, x: Text): MarkdownNode[] {
  return merge(
    (tokens ?? []).flatMap((token): MarkdownNode[] => {
      switch (token.type) {
        case 'strong':
          return [['strong', ...inline(token.tokens, x)]];
        case 'em':
          return [['em', ...inline(token.tokens, x)]];
        case 'br':
          return [['br']];
        case 'text':
          return token.tokens ? inline(token.tokens, x) : [x.decode(token.text)];
        case 'escape':
        case 'codespan':
          return [x.decode(token.text)];
        case 'link':
        case 'del':
          return inline(token.tokens, x); // the words stay, the link does not
        default:
          return []; // inline HTML tags (their words are separate text tokens), images
      }
    }),
  );
}

/** Neighbouring text joined, empty text dropped: the smallest tree for the same words. */
function merge(nodes: MarkdownNode[]): MarkdownNode[] {
  const out: MarkdownNode[] = [];
  for (const node of nodes) {
    if (node === '') continue;
    const last = out.length - 1;
    if (typeof node === 'string' && typeof out[last] === 'string') out[last] += node;
    else out.push(node);
  }
  return out;
}
