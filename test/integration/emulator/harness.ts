import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../src/local/emulator/index.js';
import type { EmulatorOptions, SharePointEmulator } from '../../../src/local/emulator/index.js';

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
  readonly text: string;
}

export interface Harness {
  readonly emu: SharePointEmulator;
  readonly siteId: string;
  /** `/sites/{siteId}` with the commas raw. */
  readonly site: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** GET an absolute nextLink / deltaLink, which the emulator gives on its own origin, as Azurite does. */
  follow(link: string, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

export async function send(
  emu: SharePointEmulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const init: RequestInit = { method, headers: { Authorization: 'Bearer test-token', ...headers } };
  if (body !== undefined) {
    init.body = Buffer.isBuffer(body) ? body : JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) };
  }
  const res = await fetch(`${emu.url}/v1.0${path}`, init);
  const text = await res.text();
  let json: Record<string, unknown> = {};
  if ((res.headers.get('content-type') ?? '').startsWith('application/json') && text !== '') {
    json = JSON.parse(text) as Record<string, unknown>;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function startHarness(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const emu = await startEmulator({ dbPath: ':memory:', ...options });
  const { id } = emu.admin.ensureSite('/sites/Plans', 'Plans');
  return {
    emu,
    siteId: id,
    site: `/sites/${id}`,
    call: (method, path, body, headers) => send(emu, method, path, body, headers),
    follow: (link, headers) => {
      const root = `${emu.url}/v1.0`;
      if (!link.startsWith(root)) throw new Error(`not a link on the emulator's origin: ${link}`);
      return send(emu, 'GET', link.slice(root.length), undefined, headers);
    },
    close: () => emu.close(),
  };
}

export function tempDbPath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sp-emulator-'));
  return { path: join(dir, 'emulator.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Narrows an unknown JSON value to an object for property access in assertions. */
export function obj(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`expected an object, got ${JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

export function arr(v: unknown): Record<string, unknown>[] {
  if (!Array.isArray(v)) throw new Error(`expected an array, got ${JSON.stringify(v)}`);
  return v.map(obj);
}

export function errorCode(r: Reply): unknown {
  return obj(r.json['error'])['code'];
}

export function errorMessage(r: Reply): string {
  return String(obj(r.json['error'])['message']);
}

/** Creates a generic list with the given columns and returns its id. */
export async function createList(h: Harness, displayName: string, columns: unknown[]): Promise<string> {
  const r = await h.call('POST', `${h.site}/lists`, {
    displayName,
    list: { template: 'genericList' },
    columns,
  });
  if (r.status !== 201) throw new Error(`list create failed: ${r.status} ${r.text}`);
  return String(r.json['id']);
}
