/**
 * The paste converter on hand-built node trees (the browser's DOMParser is exercised in the e2e tests):
 * which structures survive, what is reduced to text, and what is dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRichText } from '../../../src/domain/sections/rich-text.js';
import { richTextFromDom, type DomLike } from '../../../src/tab/rich-text/from-dom.js';

type Child = DomLike | string;
const text = (value: string): DomLike => ({
  nodeType: 3,
  nodeName: '#text',
  childNodes: [],
  textContent: value,
});
const comment = (value: string): DomLike => ({
  nodeType: 8,
  nodeName: '#comment',
  childNodes: [],
  textContent: value,
});
function el(name: string, attrs: Record<string, string> | Child[] = {}, kids: Child[] = []): DomLike {
  const attributes = Array.isArray(attrs) ? {} : attrs;
  const children = (Array.isArray(attrs) ? attrs : kids).map((k) => (typeof k === 'string' ? text(k) : k));
  return {
    nodeType: 1,
    nodeName: name.toUpperCase(),
    childNodes: children,
    textContent: children.map((c) => c.textContent ?? '').join(''),
    getAttribute: (n) => attributes[n] ?? null,
  };
}
const body = (...kids: Child[]) => el('body', kids);

describe('HTML to the closed rich-text model', () => {
  it('keeps headings, paragraphs with bold, italic and links, lists and tables', () => {
    const content = richTextFromDom(
      body(
        el('h1', ['Title']),
        el('h3', ['Sub']),
        el('p', [
          'Plain ',
          el('strong', ['bold ', el('em', ['both'])]),
          ' and ',
          el('a', { href: 'https://gov.uk/x' }, ['a link']),
        ]),
        el('ol', [el('li', ['one']), el('li', ['two', el('ul', [el('li', ['nested'])])])]),
        el('table', [
          el('thead', [el('tr', [el('th', ['A']), el('th', ['B'])])]),
          el('tbody', [el('tr', [el('td', [el('p', ['1'])]), el('td', ['2'])]), el('tr', [el('td', ['3'])])]),
        ]),
      ),
    );
    expect(content).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Sub' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Plain ' },
          { type: 'text', text: 'bold ', bold: true },
          { type: 'text', text: 'both', bold: true, italic: true },
          { type: 'text', text: ' and ' },
          { type: 'link', href: 'https://gov.uk/x', text: 'a link' },
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: [
          [{ type: 'text', text: 'one' }],
          [{ type: 'text', text: 'two' }],
          [{ type: 'text', text: 'nested' }],
        ],
      },
      {
        type: 'table',
        headerRow: true,
        rows: [
          [[{ type: 'text', text: 'A' }], [{ type: 'text', text: 'B' }]],
          [[{ type: 'text', text: '1' }], [{ type: 'text', text: '2' }]],
          [[{ type: 'text', text: '3' }], []],
        ],
      },
    ]);
    expect(validateRichText(content).ok).toBe(true);
  });

  it('reads Word: list paragraphs become lists, bold first rows become header rows, noise goes', () => {
    const marker = (m: string) =>
      el('span', { style: 'mso-list:Ignore' }, [m, el('span', ['\u00a0\u00a0 '])]);
    const content = richTextFromDom(
      body(
        comment('[if !supportLists]'),
        el('p', { class: 'MsoListParagraphCxSpFirst', style: 'mso-list:l0 level1 lfo1' }, [
          marker('1.'),
          el('span', ['First']),
          el('o:p'),
        ]),
        el('p', { class: 'MsoListParagraphCxSpLast', style: 'mso-list:l0 level1 lfo1' }, [
          marker('2.'),
          'Second',
        ]),
        el('p', { class: 'MsoNormal' }, [
          el('span', { style: 'font-weight: bold' }, ['Heavy']),
          ' and ',
          el('span', { style: 'font-style:italic' }, ['slanted']),
        ]),
        el('table', { class: 'MsoTableGrid' }, [
          el('tr', [el('td', [el('p', [el('b', ['System'])])]), el('td', [el('p', [el('b', ['Cost'])])])]),
          el('tr', [el('td', [el('p', ['Revenues'])]), el('td', [el('p', ['£1.2m'])])]),
        ]),
        el('p', [el('img', { src: 'file:///C:/clip_image001.png' })]),
      ),
    );
    expect(content).toEqual([
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text', text: 'First' }], [{ type: 'text', text: 'Second' }]],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Heavy', bold: true },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'slanted', italic: true },
        ],
      },
      {
        type: 'table',
        headerRow: true,
        rows: [
          [[{ type: 'text', text: 'System', bold: true }], [{ type: 'text', text: 'Cost', bold: true }]],
          [[{ type: 'text', text: 'Revenues' }], [{ type: 'text', text: '£1.2m' }]],
        ],
      },
    ]);
  });

  it('drops scripts, styles, images, frames and forms with their content, and unsafe link targets', () => {
    const content = richTextFromDom(
      body(
        el('script', ['alert(1)']),
        el('style', ['body{display:none}']),
        el('p', { onclick: 'alert(2)' }, ['Kept ', el('img', { src: 'x', onerror: 'alert(3)' }), 'text']),
        el('p', [
          el('a', { href: 'javascript:alert(4)' }, ['not a link']),
          ' ',
          el('a', { href: '#_Toc1' }, ['bookmark']),
        ]),
        el('iframe', { src: 'https://evil.example' }, ['frame text']),
        el('form', [el('input', { value: 'x' }), el('button', ['Go'])]),
        el('svg', [el('script', ['alert(5)'])]),
      ),
    );
    expect(content).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Kept text' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'not a link bookmark' }] },
    ]);
  });

  it('collapses whitespace, gathers loose inline content, and drops empty blocks', () => {
    const content = richTextFromDom(
      body(
        '  loose \n text ',
        el('b', ['bold']),
        el('p', ['\u00a0']),
        el('div', [el('p', ['in a div'])]),
        el('p', ['a', el('br'), 'b']),
      ),
    );
    expect(content).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'loose text ' },
          { type: 'text', text: 'bold', bold: true },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'in a div' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'a b' }] },
    ]);
  });

  it('always produces content the server accepts, from any tree of any elements', () => {
    const names = [
      'p',
      'div',
      'span',
      'b',
      'i',
      'a',
      'h1',
      'h4',
      'h6',
      'ul',
      'ol',
      'li',
      'table',
      'tr',
      'td',
      'th',
      'script',
      'img',
      'br',
      'section',
      'o:p',
      'blockquote',
    ];
    const hrefs = [
      'https://gov.uk/',
      'mailto:a@b.example',
      'javascript:alert(1)',
      '',
      '#x',
      'data:text/html,x',
    ];
    const tree: fc.Arbitrary<DomLike> = fc.letrec<{ node: DomLike }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.string().map(text),
        fc
          .tuple(
            fc.constantFrom(...names),
            fc.constantFrom(...hrefs),
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([name, href, kids]) => el(name, { href }, kids)),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (kids) => {
        const content = richTextFromDom(body(...kids));
        expect(validateRichText(content)).toMatchObject({ ok: true });
        expect(JSON.stringify(content)).not.toMatch(/javascript:|data:text/);
      }),
      { numRuns: 500 },
    );
  });
});
