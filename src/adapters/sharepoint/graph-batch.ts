/**
 * JSON batching with the retry the SDK does not do: inner requests are throttled one by one, so those
 * answered 429/503/504 are sent again in a new batch after the longest Retry-After among them.
 * Creates carry idempotency keys and updates carry If-Match, so sending one again is always safe.
 */
import type { Client } from '@microsoft/microsoft-graph-client';

export const MAX_BATCH = 20;
const RETRYABLE = new Set([429, 503, 504]);

export interface BatchRequest {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the Graph version root, e.g. `/sites/{id}/lists/{id}/items`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type InnerAnswerObserver = (status: number, headers: Readonly<Record<string, string>>) => void;

export interface BatchOptions {
  readonly maxAttempts?: number;
  /** Waits are capped so a card action can still answer in time; the caller decides what happens next. */
  readonly maxWaitSeconds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The requests form a chain, in the order given: each runs only if the one before it succeeded
   * (`dependsOn`), so a write that fails stops the ones after it (answered 424). Throttled requests are
   * sent again from the first one throttled onward.
   */
  readonly chained?: boolean;
  /**
   * Sees each answer Graph gave inside a batch, once, retries included (not a 424 made here for a request
   * of a chain that was never sent): requests inside a batch are throttled, and report SharePoint's
   * budget, one by one, while the envelope's own answer goes through the client's middleware.
   */
  readonly onResponse?: InnerAnswerObserver;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterSeconds(response: BatchResponse): number {
  const header = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = header === undefined ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

async function sendChunk(
  client: Client,
  chunk: readonly BatchRequest[],
  chained: boolean,
  observe: InnerAnswerObserver | undefined,
): Promise<BatchResponse[]> {
  const payload = {
    requests: chunk.map((r, i) => ({
      id: r.id,
      method: r.method,
      url: r.url,
      headers: r.body === undefined ? { ...r.headers } : { 'Content-Type': 'application/json', ...r.headers },
      ...(r.body === undefined ? {} : { body: r.body }),
      ...(chained && i > 0 ? { dependsOn: [chunk[i - 1]!.id] } : {}),
    })),
  };
  const result = (await client.api('/$batch').post(payload)) as { responses?: BatchResponse[] };
  const responses = result.responses ?? [];
  for (const response of responses) observe?.(response.status, response.headers ?? {});
  return responses;
}

/** Not sent, because a request before it in a chain failed: what Graph answers a failed dependency. */
const notRun = (id: string): BatchResponse => ({
  id,
  status: 424,
  headers: {},
  body: { error: { code: 'failedDependency', message: 'An earlier request in the chain failed.' } },
});

async function sendOnce(
  client: Client,
  requests: readonly BatchRequest[],
  chained: boolean,
  observe: InnerAnswerObserver | undefined,
): Promise<BatchResponse[]> {
  const chunks: BatchRequest[][] = [];
  for (let i = 0; i < requests.length; i += MAX_BATCH) chunks.push(requests.slice(i, i + MAX_BATCH));
  if (!chained)
    return (await Promise.all(chunks.map((chunk) => sendChunk(client, chunk, false, observe)))).flat();
  // A chain longer than one batch goes a batch at a time, each only if everything before it landed.
  const answers: BatchResponse[] = [];
  for (const chunk of chunks) {
    if (answers.some((a) => a.status < 200 || a.status > 299))
      answers.push(...chunk.map((r) => notRun(r.id)));
    else answers.push(...(await sendChunk(client, chunk, true, observe)));
  }
  return answers;
}

/** Runs every request, retrying throttled ones; returns the final response of each by id. */
export async function runBatch(
  client: Client,
  requests: readonly BatchRequest[],
  options: BatchOptions = {},
): Promise<Map<string, BatchResponse>> {
  const maxAttempts = options.maxAttempts ?? 6;
  const maxWait = options.maxWaitSeconds ?? 30;
  const sleep = options.sleep ?? defaultSleep;
  const chained = options.chained === true;
  const results = new Map<string, BatchResponse>();
  let pending = [...requests];
  for (let attempt = 1; pending.length > 0; attempt++) {
    const responses = await sendOnce(client, pending, chained, options.onResponse);
    for (const response of responses) results.set(response.id, response);
    const throttled = responses.filter((r) => RETRYABLE.has(r.status));
    if (throttled.length === 0 || attempt >= maxAttempts) break;
    const wait = Math.min(maxWait, Math.max(...throttled.map(retryAfterSeconds)));
    if (chained) {
      // The first request of the chain that did not succeed: throttled (what follows it was not run),
      // or failed for good (then nothing after it may run, throttled or not).
      const first = pending.findIndex((r) => {
        const status = results.get(r.id)!.status;
        return status < 200 || status > 299;
      });
      if (!RETRYABLE.has(results.get(pending[first]!.id)!.status)) break;
      await sleep(wait * 1000);
      pending = pending.slice(first);
      continue;
    }
    await sleep(wait * 1000);
    const again = new Set(throttled.map((r) => r.id));
    pending = pending.filter((r) => again.has(r.id));
  }
  for (const request of requests) {
    if (!results.has(request.id)) throw new Error(`Graph $batch gave no response for request ${request.id}`);
  }
  return results;
}
