/**
 * Freezing a version for approval is work nobody waits for: while SharePoint's budget runs low it is put
 * off (the change's notices go at once), and done once the budget allows.
 */
import { describe, expect, it } from 'vitest';
import { FreezingEventSink } from '../../../src/app/publication/freezing-event-sink.js';
import type { DomainEvent } from '../../../src/domain/plan/events.js';
import type { DocumentStore } from '../../../src/ports/document-store.js';
import type { DocumentRenderer } from '../../../src/ports/publishing.js';
import { newTestPlan, T0 } from '../../support/fixtures/index.js';

const { plan } = newTestPlan();
const opened: DomainEvent = {
  type: 'StageOpened',
  planId: plan.id,
  stageKey: plan.stages[0]!.key,
  round: 1,
  hash: 'h',
  version: 1,
  approverIds: [],
};

function parts(delay: { ms: number }) {
  const uploads: string[] = [];
  const published: string[] = [];
  const timers: { ms: number; work: () => void }[] = [];
  const documents = {
    put: async (path: string) => {
      uploads.push(path);
      return { id: path, name: path, webUrl: path, eTag: 'e', size: 1 };
    },
  } as unknown as DocumentStore;
  const renderer: DocumentRenderer = {
    render: async () => ({
      title: 't',
      fileStem: 'plan',
      docx: new Uint8Array([1]),
      html: '<p>x</p>',
      body: '<p>x</p>',
    }),
  } as unknown as DocumentRenderer;
  const sink = new FreezingEventSink(
    { publish: async (_plan, events) => void published.push(...events.map((e) => e.type)) },
    {
      documents,
      renderer,
      clock: { now: () => T0 },
      gate: { backgroundDelayMs: () => delay.ms },
      later: (ms, work) => void timers.push({ ms, work }),
    },
    (error) => {
      throw error;
    },
  );
  return { sink, uploads, published, timers };
}

describe('freezing a version while SharePoint’s budget is low', () => {
  it('freezes at once while the budget is healthy', async () => {
    const { sink, uploads, published } = parts({ ms: 0 });
    await sink.publish(plan, [opened]);
    expect(uploads.length).toBeGreaterThan(0);
    expect(published).toEqual(['StageOpened']);
  });

  it('puts it off while the budget is low, sends the notices meanwhile, and freezes once it allows', async () => {
    const delay = { ms: 30_000 };
    const { sink, uploads, published, timers } = parts(delay);
    await sink.publish(plan, [opened]);
    expect(published).toEqual(['StageOpened']);
    expect(uploads).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([30_000]);
    // Still low when the wait is over: it waits again.
    delay.ms = 5_000;
    timers.shift()!.work();
    expect(timers.map((t) => t.ms)).toEqual([5_000]);
    expect(uploads).toEqual([]);
    delay.ms = 0;
    timers.shift()!.work();
    await Promise.all([...sink.deferred]);
    expect(uploads.length).toBeGreaterThan(0);
    expect(sink.deferred.size).toBe(0);
  });
});
