/**
 * runBatch hands every answer Graph gave inside a batch to onResponse, once per attempt, and nothing it
 * made up itself (the 424 of a chained request that was never sent).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import {
  runBatch,
  type BatchRequest,
  type BatchResponse,
} from '../../../src/adapters/sharepoint/graph-batch.js';

type Answer = (request: { id: string }) => BatchResponse;

/** A Graph client whose `$batch` answers each request as `answer` says, attempt by attempt. */
function fakeClient(attempts: Answer[]): { client: Client; sent: string[][] } {
  const sent: string[][] = [];
  const client = {
    api: (path: string) => {
      if (path !== '/$batch') throw new Error(`unexpected ${path}`);
      return {
        post: async (payload: { requests: { id: string }[] }) => {
          sent.push(payload.requests.map((r) => r.id));
          const answer = attempts[sent.length - 1];
          if (!answer) throw new Error('more attempts than expected');
          return { responses: payload.requests.map(answer) };
        },
      };
    },
  } as unknown as Client;
  return { client, sent };
}

const ok = (r: { id: string }): BatchResponse => ({ id: r.id, status: 200, headers: {}, body: {} });
const throttled = (r: { id: string }): BatchResponse => ({
  id: r.id,
  status: 429,
  headers: { 'Retry-After': '1' },
  body: {},
});
const requests = (n: number): BatchRequest[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'PATCH', url: `/x/${i + 1}`, body: {} }));

describe('runBatch onResponse', () => {
  it('sees each inner answer of each attempt, retries included', async () => {
    const seen: number[] = [];
    const { client } = fakeClient([(r) => (r.id === '2' ? throttled(r) : ok(r)), ok]);
    await runBatch(client, requests(3), {
      sleep: async () => undefined,
      onResponse: (status) => seen.push(status),
    });
    expect(seen).toEqual([200, 429, 200, 200]);
  });

  it('does not see the 424 of a chained request that was never sent', async () => {
    const seen: number[] = [];
    // 21 chained writes: the first batch of 20 fails on its 3rd (412), so the 21st is never sent.
    const failed = (r: { id: string }): BatchResponse =>
      r.id === '3'
        ? { id: r.id, status: 412, headers: {}, body: {} }
        : Number(r.id) > 3
          ? { id: r.id, status: 424, headers: {}, body: {} }
          : ok(r);
    const { client, sent } = fakeClient([failed]);
    const results = await runBatch(client, requests(21), {
      chained: true,
      sleep: async () => undefined,
      onResponse: (status) => seen.push(status),
    });
    expect(sent).toHaveLength(1);
    expect(results.get('21')?.status).toBe(424);
    expect(seen).toHaveLength(20);
  });
});
