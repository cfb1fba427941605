/**
 * The server in-process for the tab's tests: local mode (emulator on a free port, demo directory and
 * plan), optionally presenting itself as a tenant-mode server whose SSO keys are served on loopback,
 * with the API spoken through a small typed client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compose, type App } from '../../src/server/composition.js';
import { readConfig, type AppConfig } from '../../src/server/config.js';
import { startHttpServer, type RunningServer } from '../../src/server/http-server.js';

export interface TabServerOptions {
  /** The built tab to serve at `/`. */
  readonly tabDir?: string;
  /** Present the server as tenant mode: SSO tokens checked against these settings. */
  readonly tenant?: { readonly tenantId: string; readonly clientId: string; readonly jwksUrl: string };
  /** Local mode: the Agents Playground page acting as each person (as npm start passes them). */
  readonly playgrounds?: Readonly<Record<string, string>>;
}

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface TabServer {
  readonly app: App;
  readonly server: RunningServer;
  readonly url: string;
  /** A call with explicit headers (for identity tests). */
  call<T = unknown>(
    method: string,
    route: string,
    options?: { body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<ApiAnswer<T>>;
  /** A call as a demo person, through the local-mode dev identity header. */
  as(personId: string): <T = unknown>(method: string, route: string, body?: unknown) => Promise<ApiAnswer<T>>;
  close(): Promise<void>;
}

export const TEST_PUBLIC_HOST = 'plans.test.example';

export function tenantConfig(base: AppConfig, tenant: NonNullable<TabServerOptions['tenant']>): AppConfig {
  const config = readConfig({
    PB_MODE: 'tenant',
    PB_SITE_URL: 'https://contoso.sharepoint.com/sites/Plans',
    PB_TENANT_ID: tenant.tenantId,
    PB_CLIENT_ID: tenant.clientId,
    PB_CLIENT_SECRET: 'not-used-by-these-tests',
    PB_PUBLIC_URL: `https://${TEST_PUBLIC_HOST}`,
    PB_SSO_JWKS_URL: tenant.jwksUrl,
  });
  return { ...config, host: '127.0.0.1', port: 0, bot: base.bot } as AppConfig;
}

export async function startTabServer(options: TabServerOptions = {}): Promise<TabServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pb-tab-'));
  const base = readConfig({ PB_MODE: 'local', PB_DATA_DIR: dataDir });
  if (base.mode !== 'local') throw new Error('local config expected');
  const app = await compose({ ...base, port: 0, emulatorPort: 0 }, { quiet: true });
  // Storage stays the local emulator; only the edge (identity) behaves as in a tenant.
  const served: App = options.tenant ? { ...app, config: tenantConfig(base, options.tenant) } : app;
  const server = await startHttpServer(served, {
    ...(options.tabDir ? { tabDir: options.tabDir } : {}),
    ...(options.playgrounds ? { playgrounds: options.playgrounds } : {}),
  });
  const call: TabServer['call'] = async <T>(
    method: string,
    route: string,
    init: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ) => {
    const hasBody = init.body !== undefined || init.rawBody !== undefined;
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) },
      ...(hasBody ? { body: init.rawBody ?? JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers };
  };
  return {
    app,
    server,
    url: server.url,
    call,
    as:
      (personId) =>
      <T>(method: string, route: string, body?: unknown) =>
        call<T>(method, route, {
          ...(body === undefined ? {} : { body }),
          headers: { 'x-pb-dev-user': personId },
        }),
    async close() {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
