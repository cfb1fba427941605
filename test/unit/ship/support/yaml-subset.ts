/**
 * A strict reader for the block-style YAML the toolkit project files use: mappings, sequences, plain and
 * quoted scalars, comments. The project has no YAML package, and the toolkit's own schema cannot be installed
 * (see the ship report), so the tests read the files with this and check them against what the schema asks.
 * Anything outside the subset (flow collections, anchors, tags, block scalars, tabs) is an error, never a guess.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlSubsetError extends Error {
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
  }
}

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly number: number;
}

/** Removes a comment: `#` at the start or after whitespace, outside quotes. */
function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.trimEnd();
}

function lines(source: string): Line[] {
  const out: Line[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*\t/.test(raw)) throw new YamlSubsetError(index + 1, 'tab in indentation');
    const text = stripComment(raw);
    if (text.trim() === '') return;
    const indent = text.length - text.trimStart().length;
    out.push({ indent, text: text.trimStart(), number: index + 1 });
  });
  return out;
}

function scalar(raw: string, line: number): YamlValue {
  const text = raw.trim();
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new YamlSubsetError(line, `unterminated quote: ${text}`);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) throw new YamlSubsetError(line, `unterminated quote: ${text}`);
    return text
      .slice(1, -1)
      .replace(/\\(["\\/nt])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  if (/^[[{&*!|>%@`]/.test(text)) throw new YamlSubsetError(line, `outside the supported subset: ${text}`);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** `key: rest` → [key, rest]; null when the line is not a mapping entry. */
function splitKey(text: string): [string, string] | null {
  const quoted = /^(['"])(.*?)\1:(?:\s+(.*))?$/.exec(text);
  if (quoted) return [quoted[2] ?? '', quoted[3] ?? ''];
  const match = /^([^\s'"#:][^:]*?):(?:\s+(.*))?$/.exec(text);
  return match ? [match[1] ?? '', match[2] ?? ''] : null;
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

class Parser {
  private at = 0;
  constructor(private readonly rows: Line[]) {}

  parseDocument(): YamlValue {
    const first = this.rows[0];
    if (!first) return null;
    const value = this.block(first.indent);
    const rest = this.rows[this.at];
    if (rest) throw new YamlSubsetError(rest.number, 'unexpected indentation');
    return value;
  }

  private block(indent: number): YamlValue {
    const line = this.rows[this.at];
    if (!line || line.indent !== indent) throw new YamlSubsetError(line?.number ?? 0, 'expected a block');
    return isItem(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private nested(parent: Line): YamlValue {
    const next = this.rows[this.at];
    return next && next.indent > parent.indent ? this.block(next.indent) : null;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const result: { [key: string]: YamlValue } = {};
    for (let line = this.rows[this.at]; line && line.indent === indent; line = this.rows[this.at]) {
      if (isItem(line.text)) throw new YamlSubsetError(line.number, 'sequence item inside a mapping');
      const entry = splitKey(line.text);
      if (!entry) throw new YamlSubsetError(line.number, `not a key: value line: ${line.text}`);
      const [key, rest] = entry;
      if (Object.hasOwn(result, key)) throw new YamlSubsetError(line.number, `duplicate key ${key}`);
      this.at++;
      result[key] = rest === '' ? this.nested(line) : scalar(rest, line.number);
    }
    return result;
  }

  private sequence(indent: number): YamlValue[] {
    const result: YamlValue[] = [];
    for (let line = this.rows[this.at]; line && line.indent === indent; line = this.rows[this.at]) {
      if (!isItem(line.text)) throw new YamlSubsetError(line.number, 'mapping key inside a sequence');
      const content = line.text.slice(1).trimStart();
      if (content === '') {
        this.at++;
        result.push(this.nested(line));
      } else if (splitKey(content)) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        const offset = line.text.length - content.length;
        this.rows[this.at] = { indent: indent + offset, text: content, number: line.number };
        result.push(this.mapping(indent + offset));
      } else {
        this.at++;
        result.push(scalar(content, line.number));
      }
    }
    return result;
  }
}

export function parseYamlSubset(source: string): YamlValue {
  return new Parser(lines(source)).parseDocument();
}
