/**
 * The `$batch` endpoint: parses a JSON batch, orders its requests by `dependsOn`, runs each through the
 * request pipeline and assembles the batch response.
 */
import { invalidRequest } from './graph-errors.js';
import { newGuid } from '../storage/ids.js';
import { jsonResponse } from './http-types.js';
import type { EmuRequest, EmuResponse } from './http-types.js';
import type { Pipeline } from './request-pipeline.js';
import { isObject } from './request-body.js';

/** JSON batching: at most 20 requests, ids unique without regard to case, a Content-Type with every body. */
export const MAX_BATCH = 20;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

interface InnerSpec {
  readonly id: string;
  readonly dependsOn: readonly string[];
  readonly req: EmuRequest;
}

/** Standard or URL-safe base64, padded or not; undefined if it is neither. */
function base64Bytes(s: string): Buffer | undefined {
  const compact = s.replace(/={0,2}$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * A JSON body is a JSON value, or a base64 (or base64url) string of one: Graph's batching doc allows a
 * base64 body, and SDKs send one with a JSON Content-Type when the body is not an object [D json-batching].
 */
function jsonBodyOf(body: unknown, id: string): unknown {
  if (typeof body !== 'string') return body;
  const bytes = base64Bytes(body);
  if (bytes === undefined)
    throw invalidRequest(`Batch request '${id}': a JSON body given as a string must be base64 of the JSON.`);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalidRequest(`Batch request '${id}': its base64 body does not decode to JSON.`);
  }
}

function parseInner(raw: unknown, outer: EmuRequest, index: number): InnerSpec {
  if (!isObject(raw)) throw invalidRequest(`Batch request ${index} is not an object.`);
  const id = raw['id'];
  const method = typeof raw['method'] === 'string' ? raw['method'].toUpperCase() : '';
  const url = raw['url'];
  if (typeof id !== 'string' || id === '')
    throw invalidRequest(`Batch request ${index} needs a string 'id'.`);
  if (!METHODS.has(method)) throw invalidRequest(`Batch request '${id}' has an invalid method.`);
  if (typeof url !== 'string' || url === '') throw invalidRequest(`Batch request '${id}' needs a 'url'.`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    throw invalidRequest(`Batch request '${id}': the url must be relative, e.g. /sites/….`);
  const headersRaw = raw['headers'] ?? {};
  if (!isObject(headersRaw)) throw invalidRequest(`Batch request '${id}': headers must be an object.`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(headersRaw)) {
    if (typeof v !== 'string') throw invalidRequest(`Batch request '${id}': header '${k}' must be a string.`);
    headers[k.toLowerCase()] = v;
  }
  let body: Buffer = Buffer.alloc(0);
  if (raw['body'] !== undefined) {
    const type = headers['content-type'];
    if (type === undefined)
      throw invalidRequest(`Batch request '${id}' has a body but no Content-Type header.`);
    if (type.split(';')[0]?.trim().toLowerCase() === 'application/json') {
      body = Buffer.from(JSON.stringify(jsonBodyOf(raw['body'], id)), 'utf8');
    } else {
      const b = raw['body'];
      const bytes = typeof b === 'string' ? base64Bytes(b) : undefined;
      if (bytes === undefined) {
        throw invalidRequest(`Batch request '${id}': a non-JSON body must be a base64 string.`);
      }
      body = bytes;
    }
  }
  const dependsOn = raw['dependsOn'] ?? [];
  if (!Array.isArray(dependsOn) || !dependsOn.every((d): d is string => typeof d === 'string')) {
    throw invalidRequest(`Batch request '${id}': dependsOn must be an array of ids.`);
  }
  const relative = url.startsWith('/') ? url : `/${url}`;
  const q = relative.indexOf('?');
  return {
    id,
    dependsOn,
    req: {
      method,
      path: q === -1 ? relative : relative.slice(0, q),
      rawQuery: q === -1 ? '' : relative.slice(q + 1),
      headers,
      body,
      requestId: newGuid(),
      clientRequestId: headers['client-request-id'] ?? outer.clientRequestId,
      caller: outer.caller,
      inBatch: true,
      origin: outer.origin,
    },
  };
}

/** Dependencies first, otherwise in the order given; a cycle or an unknown id refuses the batch. */
function executionOrder(specs: readonly InnerSpec[]): InnerSpec[] {
  const byKey = new Map(specs.map((s) => [s.id.toLowerCase(), s]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: InnerSpec[] = [];
  const visit = (s: InnerSpec): void => {
    const key = s.id.toLowerCase();
    if (done.has(key)) return;
    if (visiting.has(key)) throw invalidRequest(`The dependsOn chain through '${s.id}' is circular.`);
    visiting.add(key);
    for (const d of s.dependsOn) {
      const dep = byKey.get(d.toLowerCase());
      if (dep === undefined || dep === s)
        throw invalidRequest(`Batch request '${s.id}' depends on unknown request '${d}'.`);
      visit(dep);
    }
    visiting.delete(key);
    done.add(key);
    order.push(s);
  };
  specs.forEach(visit);
  return order;
}

function innerJson(id: string, res: EmuResponse): Record<string, unknown> {
  // BatchResponseContent parses a body as JSON only under the exact key "Content-Type".
  const headers: Record<string, string> = { ...(res.headers ?? {}) };
  const out: Record<string, unknown> = { id, status: res.status, headers };
  if (res.kind === 'json') {
    headers['Content-Type'] = 'application/json';
    out['body'] = res.json;
  } else if (res.kind === 'bytes') {
    headers['Content-Type'] = res.contentType;
    out['body'] = res.bytes.toString('base64');
  }
  return out;
}

export async function runBatch(outer: EmuRequest, pipeline: Pipeline): Promise<EmuResponse> {
  const type = (outer.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw invalidRequest('A $batch request needs Content-Type: application/json.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(outer.body.toString('utf8'));
  } catch {
    throw invalidRequest('The $batch body is not valid JSON.');
  }
  const requests = isObject(parsed) ? parsed['requests'] : undefined;
  if (!Array.isArray(requests) || requests.length === 0)
    throw invalidRequest("A $batch body needs a non-empty 'requests' array.");
  if (requests.length > MAX_BATCH) {
    throw invalidRequest(`A $batch can hold at most ${MAX_BATCH} requests; this one has ${requests.length}.`);
  }
  const specs = requests.map((r, i) => parseInner(r, outer, i));
  const ids = new Set<string>();
  for (const s of specs) {
    const key = s.id.toLowerCase();
    if (ids.has(key))
      throw invalidRequest(`Batch request ids must be unique (case-insensitive); '${s.id}' is repeated.`);
    ids.add(key);
  }
  const results = new Map<string, EmuResponse>();
  for (const s of executionOrder(specs)) {
    const failed = s.dependsOn.find((d) => {
      const st = results.get(d.toLowerCase())?.status ?? 0;
      return st < 200 || st > 299;
    });
    const res =
      failed === undefined
        ? await pipeline.run(s.req, 'inner')
        : jsonResponse(424, {
            error: {
              code: 'failedDependency',
              message: `Request '${s.id}' was not run because request '${failed}' it depends on failed.`,
            },
          });
    results.set(s.id.toLowerCase(), res);
  }
  return jsonResponse(200, {
    responses: specs.map((s) => innerJson(s.id, results.get(s.id.toLowerCase()) ?? jsonResponse(500, {}))),
  });
}
