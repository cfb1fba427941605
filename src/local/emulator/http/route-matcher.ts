/**
 * Route matching: Graph paths split into segments (path-based addressing such as `root:/a.docx:` is one
 * segment) and matched against route patterns with named parameters.
 */
import { percentDecode } from '../odata/query-options.js';
import type { Handler } from './http-types.js';
import type { Query } from '../odata/query-options.js';

/**
 * Graph paths mix plain segments with path-based addressing (`/sites/host:/sites/Plans:/lists`,
 * `/drive/root:/Folder/a.docx:/content`). A colon followed by `/` opens a path; the next `:` followed by
 * `/` or the end closes it. Each becomes one segment so routes can name it.
 */
export interface Segment {
  readonly colon: boolean;
  readonly value: string;
}

export function splitPath(raw: string): Segment[] {
  const out: Segment[] = [];
  let cur = '';
  let i = 0;
  const flush = (): void => {
    if (cur !== '') out.push({ colon: false, value: percentDecode(cur) });
    cur = '';
  };
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === '/') {
      flush();
      i++;
    } else if (ch === ':' && raw[i + 1] === '/') {
      flush();
      let j = i + 1;
      while (j < raw.length && !(raw[j] === ':' && (raw[j + 1] === '/' || j + 1 === raw.length))) j++;
      const colonPath = raw.slice(i + 1, j);
      out.push({ colon: true, value: colonPath.split('/').map(percentDecode).join('/') });
      i = j + 1;
    } else {
      cur += ch;
      i++;
    }
  }
  flush();
  // `/sites/{hostname}:/{path}` names a site: fold it into one `{site}` segment the site resolver reads.
  const host = out[1];
  const sitePath = out[2];
  if (
    out[0]?.value.toLowerCase() === 'sites' &&
    host !== undefined &&
    !host.colon &&
    sitePath?.colon === true
  ) {
    out.splice(1, 2, { colon: false, value: `${host.value}:${sitePath.value}` });
  }
  return out;
}

interface PatternPart {
  readonly literal?: string;
  readonly param?: string;
  readonly colon: boolean;
}

export interface Route {
  readonly method: string;
  readonly pattern: string;
  /**
   * Resource units SharePoint would charge: 1 single read, 2 query or write, 0 outside SharePoint; or a
   * function of the query where the cost depends on it (a delta with a token costs 1, without one 2).
   */
  readonly ru: 0 | 1 | 2 | ((query: Query) => number);
  readonly handler: Handler;
}

interface CompiledRoute extends Route {
  readonly parts: readonly PatternPart[];
  readonly key: string;
}

function compile(route: Route): CompiledRoute {
  const parts: PatternPart[] = route.pattern
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^\{(:?)(\w+)\}$/.exec(s);
      if (m === null) return { literal: s.toLowerCase(), colon: false };
      return { param: m[2] ?? '', colon: m[1] === ':' };
    });
  const key = route.pattern.replace(/\/\{:\w+\}/g, ':/{}:').replace(/\{\w+\}/g, '{}');
  return { ...route, parts, key: `${route.method} ${key}` };
}

export interface RouteMatch {
  readonly route: Route;
  /** Stats key, e.g. `GET /sites/{}/lists/{}/items`. */
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map(compile);
  }

  match(method: string, segments: readonly Segment[]): RouteMatch | undefined {
    for (const r of this.routes) {
      if (r.method !== method || r.parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < r.parts.length && ok; i++) {
        const p = r.parts[i];
        const s = segments[i];
        if (p === undefined || s === undefined || p.colon !== s.colon) ok = false;
        else if (p.literal !== undefined) ok = p.literal === s.value.toLowerCase();
        else if (p.param !== undefined) params[p.param] = s.value;
      }
      if (ok) return { route: r, key: r.key, params };
    }
    return undefined;
  }
}
