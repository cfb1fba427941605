/**
 * Reading a request's JSON body: Graph's Content-Type rule, empty and malformed bodies as Graph-shaped 400s.
 */
import { invalidRequest } from './graph-errors.js';
import type { Call } from './http-types.js';

/** Graph wants `Content-Type: application/json` with any JSON body. */
export function jsonBody(call: Call): unknown {
  const type = (call.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (call.req.body.length === 0)
    throw invalidRequest('The request body is empty; a JSON payload is required.');
  if (type !== 'application/json') {
    throw invalidRequest('A JSON body requires the header Content-Type: application/json.');
  }
  try {
    return JSON.parse(call.req.body.toString('utf8')) as unknown;
  } catch {
    throw invalidRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

export function jsonObject(call: Call): Record<string, unknown> {
  const body = jsonBody(call);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
