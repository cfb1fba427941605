/**
 * The OData `$filter` subset SharePoint and the directory accept through Graph: eq ne lt gt le ge,
 * startswith(path,'v'), and/or, parentheses. Pure: parsing yields a typed result, evaluation is over a
 * caller-supplied value lookup so the same code serves list items, users and installed apps.
 */
export type Scalar = string | number | boolean | null;
export type CompareOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export interface Literal {
  readonly type: 'string' | 'number' | 'boolean' | 'null' | 'datetime';
  readonly value: Scalar;
}

export type FilterExpr =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpr; readonly right: FilterExpr }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly field: string;
      readonly literal: Literal;
      readonly value: Scalar;
    }
  | {
      readonly kind: 'startswith';
      readonly field: string;
      readonly literal: Literal;
      readonly value: Scalar;
    };

export type ParseResult =
  { readonly ok: true; readonly expr: FilterExpr } | { readonly ok: false; readonly message: string };

type Token = { t: 'lparen' | 'rparen' | 'comma' } | { t: 'word'; v: string } | { t: 'lit'; lit: Literal };

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const FLIPPED: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', lt: 'gt', gt: 'lt', le: 'ge', ge: 'le' };
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;

class FilterSyntaxError extends Error {}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(') {
      out.push({ t: 'lparen' });
      i++;
    } else if (ch === ')') {
      out.push({ t: 'rparen' });
      i++;
    } else if (ch === ',') {
      out.push({ t: 'comma' });
      i++;
    } else if (ch === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FilterSyntaxError('Unterminated string literal.');
        const c = src[i] ?? '';
        if (c === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += c;
        i++;
      }
      out.push({ t: 'lit', lit: { type: 'string', value: s } });
    } else {
      const rest = src.slice(i);
      const dt = DATETIME.exec(rest);
      if (dt !== null) {
        out.push({ t: 'lit', lit: { type: 'datetime', value: dt[0] } });
        i += dt[0].length;
        continue;
      }
      const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![A-Za-z0-9_])/.exec(rest);
      if (num !== null) {
        out.push({ t: 'lit', lit: { type: 'number', value: Number(num[0]) } });
        i += num[0].length;
        continue;
      }
      const word = /^[A-Za-z_@][A-Za-z0-9_./@]*/.exec(rest);
      if (word === null) throw new FilterSyntaxError(`Unexpected character '${ch}' at position ${i}.`);
      const w = word[0];
      if (w === 'true' || w === 'false')
        out.push({ t: 'lit', lit: { type: 'boolean', value: w === 'true' } });
      else if (w === 'null') out.push({ t: 'lit', lit: { type: 'null', value: null } });
      else out.push({ t: 'word', v: w });
      i += w.length;
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterExpr {
    const e = this.or();
    if (this.pos !== this.tokens.length)
      throw new FilterSyntaxError('Unexpected input after the end of the expression.');
    return e;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'word' && t.v.toLowerCase() === v;
  }

  private expect(t: 'lparen' | 'rparen' | 'comma'): void {
    const tok = this.peek();
    if (tok === undefined || tok.t !== t)
      throw new FilterSyntaxError(`Expected '${{ lparen: '(', rparen: ')', comma: ',' }[t]}'.`);
    this.pos++;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.primary();
    while (this.isWord('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): FilterExpr {
    const tok = this.peek();
    if (tok === undefined) throw new FilterSyntaxError('The expression ends too early.');
    if (tok.t === 'lparen') {
      this.pos++;
      const e = this.or();
      this.expect('rparen');
      return e;
    }
    if (tok.t === 'word' && this.tokens[this.pos + 1]?.t === 'lparen') {
      const fn = tok.v.toLowerCase();
      if (fn !== 'startswith')
        throw new FilterSyntaxError(`The function '${tok.v}' is not supported by the emulator.`);
      this.pos += 2;
      const field = this.path();
      this.expect('comma');
      const literal = this.literal();
      this.expect('rparen');
      return { kind: 'startswith', field, literal, value: literal.value };
    }
    if (tok.t === 'word' && tok.v.toLowerCase() === 'not') {
      throw new FilterSyntaxError("The operator 'not' is not supported by the emulator.");
    }
    return this.comparison();
  }

  private comparison(): FilterExpr {
    const first = this.peek();
    const leftIsPath = first?.t === 'word';
    const leftPath = leftIsPath ? this.path() : undefined;
    const leftLit = leftIsPath ? undefined : this.literal();
    const opTok = this.peek();
    if (opTok === undefined || opTok.t !== 'word' || !COMPARE_OPS.has(opTok.v.toLowerCase())) {
      throw new FilterSyntaxError('Expected a comparison operator (eq, ne, lt, gt, le, ge).');
    }
    this.pos++;
    const op = opTok.v.toLowerCase() as CompareOp;
    if (leftPath !== undefined) {
      const literal = this.literal();
      return { kind: 'compare', op, field: leftPath, literal, value: literal.value };
    }
    const field = this.path();
    const literal = leftLit as Literal;
    return { kind: 'compare', op: FLIPPED[op], field, literal, value: literal.value };
  }

  private path(): string {
    const tok = this.peek();
    if (tok === undefined || tok.t !== 'word') throw new FilterSyntaxError('Expected a property path.');
    const lower = tok.v.toLowerCase();
    if (COMPARE_OPS.has(lower) || lower === 'and' || lower === 'or')
      throw new FilterSyntaxError('Expected a property path.');
    this.pos++;
    return tok.v;
  }

  private literal(): Literal {
    const tok = this.peek();
    if (tok === undefined || tok.t !== 'lit') {
      throw new FilterSyntaxError(
        'Expected a literal value; comparing two properties is not supported by the emulator.',
      );
    }
    this.pos++;
    return tok.lit;
  }
}

export function parseFilter(src: string): ParseResult {
  try {
    const tokens = tokenize(src);
    if (tokens.length === 0) return { ok: false, message: 'The $filter expression is empty.' };
    return { ok: true, expr: new Parser(tokens).parse() };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
}

export function referencedFields(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...referencedFields(expr.left), ...referencedFields(expr.right)];
    default:
      return [expr.field];
  }
}

/** Replaces every comparison value, e.g. to turn literals into the canonical form of the field's type. */
export function bindValues(
  expr: FilterExpr,
  bind: (node: { field: string; literal: Literal; op: CompareOp | 'startswith' }) => Scalar,
): FilterExpr {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { kind: expr.kind, left: bindValues(expr.left, bind), right: bindValues(expr.right, bind) };
    case 'compare':
      return { ...expr, value: bind({ field: expr.field, literal: expr.literal, op: expr.op }) };
    case 'startswith':
      return { ...expr, value: bind({ field: expr.field, literal: expr.literal, op: 'startswith' }) };
  }
}

const TYPE_ORDER: Record<string, number> = { boolean: 0, number: 1, string: 2 };

/** Total order used for $orderby: empty values first, text without regard to case (as SharePoint sorts). */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a !== typeof b) return (TYPE_ORDER[typeof a] ?? 3) - (TYPE_ORDER[typeof b] ?? 3);
  if (typeof a === 'string' && typeof b === 'string') {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la === lb ? 0 : la < lb ? -1 : 1;
  }
  if (a === b) return 0;
  return (a as number | boolean) < (b as number | boolean) ? -1 : 1;
}

function equalScalars(a: Scalar, b: Scalar): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function evaluateFilter(expr: FilterExpr, valueOf: (field: string) => Scalar): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluateFilter(expr.left, valueOf) && evaluateFilter(expr.right, valueOf);
    case 'or':
      return evaluateFilter(expr.left, valueOf) || evaluateFilter(expr.right, valueOf);
    case 'startswith': {
      const v = valueOf(expr.field);
      return (
        typeof v === 'string' &&
        typeof expr.value === 'string' &&
        v.toLowerCase().startsWith(expr.value.toLowerCase())
      );
    }
    case 'compare': {
      const v = valueOf(expr.field);
      if (expr.op === 'eq') return equalScalars(v, expr.value);
      if (expr.op === 'ne') return !equalScalars(v, expr.value);
      if (v === null || expr.value === null || typeof v !== typeof expr.value) return false;
      const c = compareScalars(v, expr.value);
      if (expr.op === 'lt') return c < 0;
      if (expr.op === 'le') return c <= 0;
      if (expr.op === 'gt') return c > 0;
      return c >= 0;
    }
  }
}
