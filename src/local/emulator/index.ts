/**
 * The emulator's one entry point: `startEmulator` (SQLite store, routes, faults, stats, HTTP listener) and
 * the types a caller needs. The rest of the repository imports the emulator only from here.
 */
import { createAdmin } from './admin.js';
import type { EmulatorAdmin } from './admin.js';
import { createPipeline } from './http/request-pipeline.js';
import { Faults } from './http/faults.js';
import type { FaultRule } from './http/faults.js';
import type { Env } from './http/http-types.js';
import { ROUTES } from './http/route-table.js';
import { listen } from './http/server.js';
import { Stats } from './http/stats.js';
import type { StatsSnapshot } from './http/stats.js';
import { Store } from './storage/sqlite-store.js';
import { RuBudget } from './http/ru-budget.js';
import { serveDownload } from './resources/download-routes.js';

export { DEFAULT_RU_PER_MINUTE } from './http/ru-budget.js';

export type { FaultRule } from './http/faults.js';
export type { EmulatorAdmin, GroupSeed, TeamsAppSeed, UserSeed } from './admin.js';
export type { StatsSnapshot } from './http/stats.js';
export { LocalDataError } from './storage/database-file.js';
/** The `$filter` parser and evaluator, for their property tests (test/integration/emulator/odata-filter.test.ts). */
export { bindValues, compareScalars, evaluateFilter, parseFilter, referencedFields } from './odata/filter.js';
export type { FilterExpr, Scalar } from './odata/filter.js';

export interface EmulatorOptions {
  /** File path, or ':memory:'. */
  dbPath: string;
  /** 0 or undefined = a free port; always binds 127.0.0.1. */
  port?: number;
  /** SharePoint hostname, default 'contoso.sharepoint.com'. */
  hostname?: string;
  /** If given, a bearer token it rejects gets 401; otherwise any bearer is accepted. */
  acceptToken?: (token: string) => boolean;
  /** For deterministic fault injection in tests. */
  random?: () => number;
  /** Clock for timestamps, RU windows, token lifetimes; default the system clock. */
  now?: () => Date;
  /**
   * SharePoint's per-app budget in resource units a minute (1,250 for a tenant under 1,000 licences):
   * RateLimit-* headers from 80 % of it, 429 + Retry-After past it. Undefined (the default here) meters
   * nothing; `npm start` and the CLI pass one (DEFAULT_RU_PER_MINUTE unless configured).
   */
  resourceUnitsPerMinute?: number;
}

export interface SharePointEmulator {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /**
   * True when its database file did not exist and was created at start: a new SharePoint. An existing file
   * is opened as it is (or refused, with a LocalDataError, when it is not a valid database of ours).
   */
  readonly createdDatabase: boolean;
  readonly admin: EmulatorAdmin;
  readonly faults: {
    /** Replaces the rules. */
    set(rules: FaultRule[]): void;
    clear(): void;
  };
  readonly budget: {
    /** Sets the RU a minute each app may spend, afresh (every window restarts); undefined meters nothing. */
    set(perMinute: number | undefined): void;
  };
  readonly stats: {
    snapshot(): StatsSnapshot;
    /** Zeroes the counters and starts every app's RU window afresh. */
    reset(): void;
  };
  close(): Promise<void>;
}

/**
 * Starts a local stand-in for the Graph v1.0 subset the SharePoint adapter uses, persisted to SQLite.
 * Point the Graph client at it by rewriting `https://graph.microsoft.com` to `url`.
 */
export async function startEmulator(options: EmulatorOptions): Promise<SharePointEmulator> {
  const store = new Store(options.dbPath);
  const env: Env = {
    store,
    hostname: (options.hostname ?? 'contoso.sharepoint.com').toLowerCase(),
    now: options.now ?? (() => new Date()),
  };
  const faults = new Faults(options.random ?? Math.random);
  const stats = new Stats();
  const newBudget = (perMinute: number | undefined): RuBudget | undefined =>
    perMinute === undefined ? undefined : new RuBudget(perMinute, () => env.now().getTime());
  let budget = newBudget(options.resourceUnitsPerMinute);
  const pipeline = createPipeline(env, ROUTES, faults, stats, () => budget);
  const running = await listen(
    {
      pipeline,
      stats,
      download: (token, headers) => serveDownload(env, token, headers['range']),
      now: env.now,
      ...(options.acceptToken === undefined ? {} : { acceptToken: options.acceptToken }),
    },
    options.port ?? 0,
  ).catch((e: unknown) => {
    store.close();
    throw e;
  });
  let closed = false;
  return {
    url: `http://127.0.0.1:${running.port}`,
    port: running.port,
    createdDatabase: store.created,
    admin: createAdmin(env),
    faults: { set: (rules) => faults.set(rules), clear: () => faults.clear() },
    budget: {
      set: (perMinute) => {
        budget = newBudget(perMinute);
      },
    },
    stats: {
      snapshot: () => stats.snapshot(),
      reset: () => {
        stats.reset();
        budget?.reset();
      },
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await running.close();
      store.close();
    },
  };
}
