/**
 * Reads the parts of a Bicep file the tests check — parameters, resources with their bodies, outputs, and
 * properties inside object literals — without a Bicep compiler, which cannot be had offline here (see the
 * ship report). Strings and comments are respected so a brace inside '...' or // does not count.
 */

export interface BicepResource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly existing: boolean;
  /** Text between the resource's outer braces (or brackets, for a loop). */
  readonly body: string;
}

export interface BicepFile {
  readonly params: ReadonlyMap<string, { readonly type: string; readonly hasDefault: boolean }>;
  readonly resources: readonly BicepResource[];
  readonly outputs: ReadonlyMap<string, string>;
  readonly vars: ReadonlyMap<string, string>;
  /** The file with comments blanked out (same length, so offsets still line up). */
  readonly code: string;
}

/** Replaces // and /* *\/ comments with spaces, leaving strings alone. */
export function blankComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "'") {
      const end = endOfString(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just past the string starting at `start` (a single quote); Bicep escapes quotes as \'. */
function endOfString(source: string, start: number): number {
  if (source.startsWith("'''", start)) {
    const end = source.indexOf("'''", start + 3);
    if (end < 0) throw new Error('unterminated multi-line string');
    return end + 3;
  }
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === "'") return i + 1;
    else if (source[i] === '\n') break;
  }
  throw new Error(`unterminated string at offset ${start}`);
}

/** Given the index of an opening { or [, the index of its matching closer. */
export function matchingClose(code: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const c = code[i] ?? '';
    if (c === "'") {
      i = endOfString(code, i) - 1;
    } else if (pairs[c]) {
      stack.push(pairs[c]);
    } else if (c === '}' || c === ']' || c === ')') {
      if (stack.pop() !== c) throw new Error(`unbalanced ${c} at offset ${i}`);
      if (stack.length === 0) return i;
    }
  }
  throw new Error(`no closer for offset ${open}`);
}

export function scanBicep(source: string): BicepFile {
  const code = blankComments(source);
  const params = new Map<string, { type: string; hasDefault: boolean }>();
  for (const m of code.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=)?/gm))
    params.set(m[1] ?? '', { type: m[2] ?? '', hasDefault: Boolean(m[3]) });
  const outputs = new Map<string, string>();
  for (const m of code.matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+)$/gm))
    outputs.set(m[1] ?? '', (m[2] ?? '').trim());
  const vars = new Map<string, string>();
  for (const m of code.matchAll(/^var\s+(\w+)\s*=\s*/gm)) {
    const start = (m.index ?? 0) + m[0].length;
    const opener = code[start];
    const end = opener === '[' || opener === '{' ? matchingClose(code, start) + 1 : code.indexOf('\n', start);
    vars.set(m[1] ?? '', code.slice(start, end < 0 ? code.length : end).trim());
  }
  const resources: BicepResource[] = [];
  for (const m of code.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'(\s+existing)?\s*=\s*([[{])/gm)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    resources.push({
      symbol: m[1] ?? '',
      type: m[2] ?? '',
      apiVersion: m[3] ?? '',
      existing: Boolean(m[4]),
      body: code.slice(open + 1, matchingClose(code, open)),
    });
  }
  return { params, resources, outputs, vars, code };
}

/** Top-level `key: value` entries of an object body (nested objects and arrays returned as raw text). */
export function objectEntries(body: string): Map<string, string> {
  const entries = new Map<string, string>();
  let depth = 0;
  let i = 0;
  while (i < body.length) {
    const c = body[i] ?? '';
    if (c === "'") {
      i = endOfString(body, i);
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (depth === 0) {
      const m = /^(\w+|'[^']*')\s*:\s*/.exec(body.slice(i));
      const atLineStart = i === 0 || /\n\s*$/.test(body.slice(Math.max(0, i - 200), i));
      if (m && atLineStart) {
        const key = (m[1] ?? '').replace(/^'|'$/g, '');
        const start = i + m[0].length;
        const opener = body[start];
        const end =
          opener === '{' || opener === '['
            ? matchingClose(body, start) + 1
            : (() => {
                const nl = body.indexOf('\n', start);
                return nl < 0 ? body.length : nl;
              })();
        entries.set(key, body.slice(start, end).trim());
        i = end;
        continue;
      }
    }
    i++;
  }
  return entries;
}

/** Follows a dotted path of object keys, e.g. `properties.siteConfig.linuxFxVersion`. */
export function valueAt(body: string, dottedPath: string): string | undefined {
  let current: string | undefined = body;
  for (const key of dottedPath.split('.')) {
    if (current === undefined) return undefined;
    const inner: string = current.startsWith('{') ? current.slice(1, -1) : current;
    current = objectEntries(inner).get(key);
  }
  return current;
}
