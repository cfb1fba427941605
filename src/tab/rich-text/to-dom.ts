/**
 * RichText as DOM nodes, for the editor: to fill it when a section loads and to insert a paste at the
 * caret. Built with createElement and text nodes only — no markup is ever parsed into the live page.
 */
import { isSafeHref } from '../../domain/documents/text-runs.js';
import type { Block, Inline, RichText } from '../../domain/sections/rich-text.js';

function inlineNode(doc: Document, inline: Inline): Node {
  let node: Node = doc.createTextNode(inline.text);
  if (inline.italic) {
    const em = doc.createElement('em');
    em.append(node);
    node = em;
  }
  if (inline.bold) {
    const strong = doc.createElement('strong');
    strong.append(node);
    node = strong;
  }
  if (inline.type === 'link' && isSafeHref(inline.href)) {
    const a = doc.createElement('a');
    a.setAttribute('href', inline.href);
    a.append(node);
    node = a;
  }
  return node;
}

function element(doc: Document, tag: string, inlines: readonly Inline[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const inline of inlines) el.append(inlineNode(doc, inline));
  return el;
}

function blockNode(doc: Document, block: Block): HTMLElement {
  switch (block.type) {
    case 'paragraph':
      return element(doc, 'p', block.children);
    case 'heading':
      return element(doc, `h${block.level}`, block.children);
    case 'list': {
      const list = doc.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) list.append(element(doc, 'li', item));
      return list;
    }
    case 'table': {
      const table = doc.createElement('table');
      const body = doc.createElement('tbody');
      block.rows.forEach((row, r) => {
        const tr = doc.createElement('tr');
        for (const cell of row) tr.append(element(doc, block.headerRow && r === 0 ? 'th' : 'td', cell));
        body.append(tr);
      });
      table.append(body);
      return table;
    }
  }
}

export function richTextNodes(doc: Document, content: RichText): HTMLElement[] {
  return content.map((block) => blockNode(doc, block));
}
