/**
 * Merging two edits of one section after a conflict. Nothing anyone wrote is dropped: the result is
 * their version with every block I added or changed (relative to what I started from) placed after the
 * block it followed in mine. A paragraph both of us changed therefore appears twice — theirs, then
 * mine — for the writer to reconcile by eye, which is safer than guessing.
 */
import type { Block, RichText } from '../../domain/sections/rich-text.js';

const keyOf = (block: Block): string => JSON.stringify(block);

export function mergeContent(base: RichText, theirs: RichText, mine: RichText): RichText {
  const inBase = new Set(base.map(keyOf));
  const inMine = new Set(mine.map(keyOf));
  // Their new text comes before mine where both wrote in the same place.
  const theirsNew = (block: Block | undefined): boolean =>
    block !== undefined && !inBase.has(keyOf(block)) && !inMine.has(keyOf(block));
  const result: Block[] = [...theirs];
  const present = new Map<string, number>();
  const reindex = (): void => {
    present.clear();
    result.forEach((block, i) => present.set(keyOf(block), i));
  };
  reindex();
  let anchor = -1; // where the previous block of mine sits in the result
  for (const block of mine) {
    const key = keyOf(block);
    const at = present.get(key);
    if (at !== undefined) {
      anchor = at;
      continue;
    }
    if (inBase.has(key)) continue; // I kept it, they removed it: their removal stands
    while (theirsNew(result[anchor + 1])) anchor++;
    result.splice(anchor + 1, 0, block);
    reindex();
    anchor = present.get(key) ?? anchor + 1;
  }
  return result;
}

export function sameContent(a: RichText, b: RichText): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
