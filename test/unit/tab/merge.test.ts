import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, RichText } from '../../../src/domain/sections/rich-text.js';
import { mergeContent } from '../../../src/tab/rich-text/merge.js';

const p = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const texts = (content: RichText) => content.map((b) => (b.type === 'paragraph' ? b.children[0]!.text : '?'));

describe('merging two edits of a section', () => {
  it('keeps their version and adds mine where it sat', () => {
    const base = [p('intro'), p('middle'), p('end')];
    const theirs = [p('intro'), p('their new'), p('middle'), p('end')];
    const mine = [p('intro'), p('middle'), p('my new'), p('end')];
    expect(texts(mergeContent(base, theirs, mine))).toEqual([
      'intro',
      'their new',
      'middle',
      'my new',
      'end',
    ]);
  });

  it('shows a paragraph both changed twice, theirs first, rather than choosing', () => {
    const base = [p('draft')];
    expect(texts(mergeContent(base, [p('draft, theirs')], [p('draft, mine')]))).toEqual([
      'draft, theirs',
      'draft, mine',
    ]);
  });

  it('respects their deletion of text I did not change, and never drops anything I wrote', () => {
    expect(texts(mergeContent([p('old'), p('keep')], [p('keep')], [p('old'), p('keep'), p('mine')]))).toEqual(
      ['keep', 'mine'],
    );
  });

  it('property: every block of theirs, and every block I added, is in the merge', () => {
    const block = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f').map(p);
    const content = fc.array(block, { maxLength: 6 });
    fc.assert(
      fc.property(content, content, content, (base, theirs, mine) => {
        const merged = mergeContent(base, theirs, mine).map((b) => JSON.stringify(b));
        const baseKeys = new Set(base.map((b) => JSON.stringify(b)));
        for (const b of theirs) expect(merged).toContain(JSON.stringify(b));
        for (const b of mine)
          if (!baseKeys.has(JSON.stringify(b))) expect(merged).toContain(JSON.stringify(b));
      }),
    );
  });
});
