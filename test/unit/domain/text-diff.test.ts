import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffText,
  MAX_EDIT_DISTANCE,
  tokens,
  type DiffPart,
} from '../../../src/domain/sections/text-diff.js';

const side = (parts: readonly DiffPart[], keep: 'removed' | 'added'): string =>
  parts
    .filter((p) => p.op === 'same' || p.op === keep)
    .map((p) => p.text)
    .join('');

const changed = (parts: readonly DiffPart[]): number =>
  parts.filter((p) => p.op !== 'same').reduce((n, p) => n + tokens(p.text).length, 0);

const words = fc.array(fc.constantFrom('the', 'plan', 'council', 'None.', '£5m', '\n', ' ', '  '), {
  maxLength: 40,
});

describe('diffText', () => {
  it('reads as the old text without the additions and the new text without the removals (property)', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const before = a.join('');
        const after = b.join('');
        const parts = diffText(before, after);
        expect(side(parts, 'removed')).toBe(before);
        expect(side(parts, 'added')).toBe(after);
        // Adjacent parts never share an operation, and none is empty.
        parts.forEach((p, i) => {
          expect(p.text).not.toBe('');
          if (i > 0) expect(parts[i - 1]!.op).not.toBe(p.op);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('marks only the words that changed', () => {
    const parts = diffText(
      'There are no direct financial implications.',
      'There are no direct financial implications beyond the £2m in the budget.',
    );
    expect(parts).toEqual([
      { op: 'same', text: 'There are no direct financial ' },
      { op: 'removed', text: 'implications.' },
      { op: 'added', text: 'implications beyond the £2m in the budget.' },
    ]);
    expect(diffText('None.', 'None.')).toEqual([{ op: 'same', text: 'None.' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', 'New text')).toEqual([{ op: 'added', text: 'New text' }]);
  });

  it('finds a shortest edit for a small change in a long text', () => {
    const long = Array.from({ length: 3_000 }, (_, i) => `word${i}`).join(' ');
    const edited = long.replace('word1500', 'changed');
    const parts = diffText(long, edited);
    expect(changed(parts)).toBe(2);
    expect(side(parts, 'added')).toBe(edited);
  });

  it('shows two unlike texts as replaced whole rather than search without bound', () => {
    const a = Array.from({ length: MAX_EDIT_DISTANCE }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: MAX_EDIT_DISTANCE }, (_, i) => `b${i}`).join(' ');
    expect(diffText(a, b)).toEqual([
      { op: 'removed', text: a },
      { op: 'added', text: b },
    ]);
  });
});
