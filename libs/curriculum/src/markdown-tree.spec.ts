import { decodeHTML } from 'entities';
import { markdownText, markdownTree as parse } from './markdown-tree';

const markdownTree = (source: string) => parse(source, decodeHTML);

describe('markdownTree (course text parsed on the server)', () => {
  it('keeps the elements lessons use, as [tag, ...children] with text as text', () => {
    const tree = markdownTree('## Conceptos\n\nUn párrafo con **negrita** y *cursiva*.\n\n- uno\n- dos\n\n3. tres\n4. cuatro\n\n> Una cita.\n');
    expect(tree).toEqual([
      ['h2', 'Conceptos'],
      ['p', 'Un párrafo con ', ['strong', 'negrita'], ' y ', ['em', 'cursiva'], '.'],
      ['ul', ['li', 'uno'], ['li', 'dos']],
      ['ol', 3, ['li', 'tres'], ['li', 'cuatro']],
      ['blockquote', ['p', 'Una cita.']],
    ]);
  });

  it('reduces HTML to its words (no script or style content), links to their words, references to characters', () => {
    const tree = markdownTree([
      'Derechos &amp; deberes, 5 &lt; 6, \\*sin cursiva\\* y <b onclick="x()">negrita</b> [enlace](javascript:alert(1))',
      '',
      '<style>main { display: none }</style>',
      '<div style="position:fixed" title="a>b">Su sesión expiró<script>window.x = 1</script></div>',
      '<!-- nota --><svg><style>@font-face{src:url(https://evil.example/f.woff)}</style></svg>',
    ].join('\n'));
    const text = markdownText(tree);
    expect(text).toContain('Derechos & deberes, 5 < 6, *sin cursiva* y negrita enlace');
    expect(text).toContain('Su sesión expiró');
    for (const hidden of ['display: none', 'window.x', '@font-face', 'nota', 'position', 'javascript', '<', '>']) {
      expect({ hidden, found: text.replace('5 < 6', '').includes(hidden) }).toEqual({ hidden, found: false });
    }
    // Only allow-listed tags anywhere in the tree.
    const tags = (nodes: unknown[]): string[] => nodes.flatMap((n) => (Array.isArray(n) ? [n[0] as string, ...tags(n.slice(1))] : []));
    expect(new Set(tags(tree))).toEqual(new Set(['p']));
  });
});
