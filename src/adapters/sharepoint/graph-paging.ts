/**
 * Reading Graph collections to the end: the one place that follows `@odata.nextLink` (on Graph's
 * origin or the emulator's, through graphPathOf) and collects a delta query's final `@odata.deltaLink`.
 * One GET goes as it is; several go together in one `$batch`, and their next pages in further batches.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { runBatch, type BatchOptions, type BatchRequest, type BatchResponse } from './graph-batch.js';
import { graphPathOf } from './graph-link.js';
import { GraphStoreError } from './store-errors.js';

export interface Collection {
  readonly values: unknown[];
  /** A delta query's link for the changes after these; null for an ordinary collection. */
  readonly deltaLink: string | null;
}

/** A delta token SharePoint no longer knows (410): start again from a fresh token and reread. */
export class DeltaExpiredError extends Error {
  readonly code = 'DELTA_EXPIRED';
}

/** The answer was not a collection page: nothing here can go on from it. */
export class NotACollectionError extends Error {
  readonly code = 'NOT_A_COLLECTION';
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly response: BatchResponse | null;
}

async function getAll(
  client: Client,
  requests: readonly { name: string; url: string }[],
  options: BatchOptions,
): Promise<Map<string, Answer>> {
  if (requests.length === 1) {
    const { name, url } = requests[0]!;
    try {
      return new Map([[name, { status: 200, body: await client.api(url).get(), response: null }]]);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      return new Map([[name, { status: error.statusCode, body: error.body, response: null }]]);
    }
  }
  const responses = await runBatch(
    client,
    requests.map((r): BatchRequest => ({ id: r.name, method: 'GET', url: r.url })),
    options,
  );
  return new Map(
    requests.map((r) => {
      const response = responses.get(r.name)!;
      return [r.name, { status: response.status, body: response.body, response }];
    }),
  );
}

function failure(what: string, answer: Answer): GraphStoreError {
  if (answer.response) return GraphStoreError.fromBatch(what, answer.response);
  let body = answer.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = null;
    }
  }
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return new GraphStoreError(
    `Microsoft Graph could not ${what}: ${answer.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
    answer.status,
    error?.code ?? null,
  );
}

/** Every page of each collection, all at once; `what` names them in errors. */
export async function readPages<K extends string>(
  client: Client,
  urls: Readonly<Record<K, string>>,
  what: string,
  options: BatchOptions = {},
): Promise<Record<K, Collection>> {
  const names = Object.keys(urls) as K[];
  const out = Object.fromEntries(
    names.map((n) => [n, { values: [] as unknown[], deltaLink: null as string | null }]),
  ) as Record<K, { values: unknown[]; deltaLink: string | null }>;
  let pending = names.map((name) => ({ name, url: urls[name] }));
  while (pending.length > 0) {
    const answers = await getAll(client, pending, options);
    const next: typeof pending = [];
    for (const { name } of pending) {
      const answer = answers.get(name)!;
      if (answer.status === 410) throw new DeltaExpiredError(`${what}: the delta token has expired`);
      if (answer.status !== 200) throw failure(`read ${what}`, answer);
      const page = answer.body as {
        value?: unknown;
        '@odata.nextLink'?: unknown;
        '@odata.deltaLink'?: unknown;
      } | null;
      if (!Array.isArray(page?.value))
        throw new NotACollectionError(`${what}: the answer is not a collection page`);
      out[name].values.push(...page.value);
      const link = page['@odata.nextLink'];
      const delta = page['@odata.deltaLink'];
      if (typeof link === 'string') next.push({ name, url: graphPathOf(link) });
      else out[name].deltaLink = typeof delta === 'string' ? delta : null;
    }
    pending = next;
  }
  return out;
}

/** Every item of one collection. */
export async function readAllPages(client: Client, url: string, what: string): Promise<unknown[]> {
  return (await readPages(client, { only: url }, what)).only.values;
}
