/**
 * A readable word-level difference between two texts (what a section said then and says now), for people
 * re-reading a plan after it changed. Myers' O(ND) algorithm over words and the spaces between them, so a
 * small edit to a long section costs little; above a size limit the texts are shown as replaced whole
 * rather than spend unbounded time.
 */

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  readonly op: DiffOp;
  readonly text: string;
}

/** Tokens compared by the diff: runs of non-space characters, and runs of spaces (newlines kept apart). */
export function tokens(text: string): string[] {
  return text.match(/\n|[^\S\n]+|[^\s]+/g) ?? [];
}

/** Past this many differing tokens the texts are too unlike to diff usefully: show old out, new in. */
export const MAX_EDIT_DISTANCE = 2_000;

function merged(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out.at(-1);
    if (last && last.op === part.op) out[out.length - 1] = { op: part.op, text: last.text + part.text };
    else out.push(part);
  }
  return out;
}

/** The shortest edit script from `a` to `b` as same / removed / added parts, in reading order. */
function myers(a: readonly string[], b: readonly string[]): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  // trace[d] keeps, for k in -(d+1)..d+1, the furthest x reached before step d: O(D²) memory in all.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
    v = next;
  }
  return null;
}

function backtrack(
  a: readonly string[],
  b: readonly string[],
  trace: readonly Int32Array[],
  depth: number,
): DiffPart[] {
  const parts: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const before = trace[d]!; // furthest x per diagonal before step d, index k + d + 1
    const at = (diagonal: number): number => before[diagonal + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      parts.push({ op: 'same', text: a[x - 1]! });
      x--;
      y--;
    }
    if (x === prevX) parts.push({ op: 'added', text: b[prevY]! });
    else parts.push({ op: 'removed', text: a[prevX]! });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    parts.push({ op: 'same', text: a[x - 1]! });
    x--;
    y--;
  }
  return parts.reverse();
}

/**
 * Readable rather than minimal: a run of only spaces kept between two changes is folded into them, and
 * within each run of changes what was removed reads before what was added.
 */
function readable(parts: readonly DiffPart[]): DiffPart[] {
  const folded = parts.flatMap((part, i): DiffPart[] => {
    const between =
      i > 0 && i < parts.length - 1 && parts[i - 1]!.op !== 'same' && parts[i + 1]!.op !== 'same';
    return part.op === 'same' && between && /^\s+$/.test(part.text)
      ? [
          { op: 'removed', text: part.text },
          { op: 'added', text: part.text },
        ]
      : [part];
  });
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed !== '') out.push({ op: 'removed', text: removed });
    if (added !== '') out.push({ op: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const part of folded) {
    if (part.op === 'removed') removed += part.text;
    else if (part.op === 'added') added += part.text;
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  return merged(out);
}

/** What changed from `before` to `after`, word by word. Equal texts give one `same` part (or none). */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return merged([{ op: 'same', text: before }]);
  const a = tokens(before);
  const b = tokens(after);
  const script = myers(a, b);
  if (script === null) {
    return merged([
      { op: 'removed', text: before },
      { op: 'added', text: after },
    ]);
  }
  return readable(merged(script));
}
