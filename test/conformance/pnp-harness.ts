/**
 * PnPjs (`@pnp/graph` 4.x), a Graph client no one here wrote, pointed at the emulator the way a third party
 * would: its base URL set to the emulator's `/v1.0`, any bearer. Nothing here adapts the client to the
 * emulator; when the two disagree, the emulator is wrong (issue 19).
 */
import { GraphBrowser, graphfi } from '@pnp/graph';
import type { GraphFI } from '@pnp/graph';
import type { IListItems } from '@pnp/graph/list-item/types.js';
import '@pnp/graph/batching.js';
import '@pnp/graph/files/index.js';
import '@pnp/graph/groups/index.js';
import '@pnp/graph/list-item/index.js';
import '@pnp/graph/lists/index.js';
import '@pnp/graph/members/index.js';
import '@pnp/graph/sites/index.js';
import '@pnp/graph/users/index.js';
import { BearerToken } from '@pnp/queryable';
import { startEmulator } from '../../src/local/emulator/index.js';
import type { SharePointEmulator } from '../../src/local/emulator/index.js';

export const HOST = 'contoso.sharepoint.com';

export interface Conformance {
  readonly emu: SharePointEmulator;
  readonly graph: GraphFI;
  readonly siteId: string;
  /** Every URL PnPjs fetched, in order, with its status. */
  readonly wire: string[];
  close(): Promise<void>;
}

/** The wire log wraps fetch for this process; PnPjs's GraphBrowser fetches through the global. */
export async function startConformance(): Promise<Conformance> {
  const emu = await startEmulator({ dbPath: ':memory:' });
  const { id: siteId } = emu.admin.ensureSite('/sites/Plans', 'Plans');
  const wire: string[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const res = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    wire.push(`${init?.method ?? 'GET'} ${url} ${res.status}`);
    return res;
  };
  const graph = graphfi().using(GraphBrowser({ baseUrl: `${emu.url}/v1.0` }), BearerToken('any-token'));
  return {
    emu,
    graph,
    siteId,
    wire,
    close: async () => {
      globalThis.fetch = original;
      await emu.close();
    },
  };
}

/** What the emulator sends for a listItem, as the tests read it (Graph's types have no index on fields). */
export interface WireItem {
  readonly id: string;
  readonly eTag: string;
  readonly fields: Record<string, unknown>;
}

export const asItem = (x: unknown): WireItem => x as WireItem;
export const asItems = (x: unknown): WireItem[] => x as WireItem[];

/** PnPjs's fieldValueSet type, from Graph's types, which declare no custom columns. */
type FieldValueSet = NonNullable<Parameters<IListItems['add']>[0]['fields']>;

/** A fieldValueSet for PnPjs's `add` / `update`. */
export const fields = (values: Record<string, unknown>): FieldValueSet => values as FieldValueSet;

/** PnPjs throws HttpRequestError with the status and the raw body in the message. */
export function statusOf(error: unknown): number | undefined {
  const s = (error as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}
