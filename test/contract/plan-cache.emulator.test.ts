/**
 * The plan cache a server instance runs: the PlanStore contract, and what the cache adds — reads from
 * memory, saves without a reload, other instances' writes within one delta round, and still no silent
 * overwrite from a stale copy. Two instances are two caches with their own Graph clients over one site.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRequestCounter, type RequestCounter } from '../../src/adapters/sharepoint/graph-client.js';
import { responsesList } from '../../src/adapters/sharepoint/list-schema.js';
import { LOW_BUDGET_MAX_AGE_MS } from '../../src/adapters/sharepoint/list-mirror.js';
import { CachedPlanStore, RECENT_MS } from '../../src/adapters/sharepoint/plan-cache.js';
import { runCommand } from '../../src/app/plans/run-command.js';
import { SharePointPlanStore } from '../../src/adapters/sharepoint/plan-store.js';
import { contentHash } from '../../src/domain/documents/content-hash.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import { decide } from '../../src/domain/workflow/decide.js';
import type { Command } from '../../src/domain/plan/commands.js';
import type { StoredPlan } from '../../src/ports/plan-store.js';
import {
  acceptedEverywhere,
  applyAll,
  testPeople,
  newTestPlan,
  T0,
  paragraph,
} from '../support/fixtures/index.js';
import { resetCounter, startTestSite, type TestSite } from '../support/sharepoint.js';
import { planStoreContract } from './plan-store.contract.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

interface Instance {
  readonly cache: CachedPlanStore;
  readonly counter: RequestCounter;
  readonly client: Client;
}

/** A server instance: its own Graph client, counter and cache. A long maxAge: rounds run only when asked. */
function instance(maxAgeMs = 60_000): Instance {
  const counter = newRequestCounter();
  const client = site.newClient(counter);
  const store = new SharePointPlanStore(client, site.site, { sleep: async () => undefined });
  return { cache: new CachedPlanStore(store, { maxAgeMs }), counter, client };
}

function must<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const apply = (plan: Plan, command: Command, actor: string): Plan =>
  must(decide(plan, command, { id: actor }, T0)).plan;

/** A stored plan whose second section the demo owner may edit. */
async function planWithOwner(cache: CachedPlanStore): Promise<{ stored: StoredPlan; key: string }> {
  const { plan, audit } = newTestPlan();
  const created = must(await cache.create(plan, audit));
  const key = created.plan.sections[1]!.definition.key;
  const assigned = apply(
    created.plan,
    { type: 'assignSection', sectionKey: key, ownerId: testPeople.owner, contributorIds: [], dueDate: null },
    testPeople.lead,
  );
  return { stored: must(await cache.save(created, assigned, [], testPeople.lead)), key };
}

function edit(stored: StoredPlan, key: string, words: string, actor = testPeople.owner) {
  const section = stored.plan.sections.find((s) => s.definition.key === key)!;
  return must(
    decide(
      stored.plan,
      { type: 'editSection', sectionKey: key, baseRevision: section.revision, content: paragraph(words) },
      { id: actor },
      T0,
    ),
  );
}

const sectionText = (plan: Plan, key: string): unknown =>
  plan.sections.find((s) => s.definition.key === key)!.content;

planStoreContract('the plan cache over the SharePoint adapter, against the local emulator', () => {
  const { cache, counter } = instance();
  return {
    store: cache,
    cached: true,
    roundTrips: () => counter.requests,
    resetRoundTrips: () => resetCounter(counter),
  };
});

describe('the plan cache', () => {
  it('answers loads of a plan it holds from memory: a hundred readers cost no Graph request', async () => {
    const a = instance();
    const { stored } = await planWithOwner(a.cache);
    resetCounter(a.counter);
    site.emulator.stats.reset();
    const loads = await Promise.all(Array.from({ length: 100 }, () => a.cache.load(stored.plan.id)));
    expect(loads.every((l) => l.ok && l.value.plan.id === stored.plan.id)).toBe(true);
    expect(a.counter.requests).toBe(0);
    expect(site.emulator.stats.snapshot().resourceUnits).toBe(0);
  });

  it('saves a section edit without reading first: one round trip, a section update and an audit entry (4 RU)', async () => {
    const a = instance();
    const { key, stored } = await planWithOwner(a.cache);
    const loaded = must(await a.cache.load(stored.plan.id));
    const decided = edit(loaded, key, 'Written without a reload.');
    resetCounter(a.counter);
    site.emulator.stats.reset();
    must(await a.cache.save(loaded, decided.plan, [decided.audit!], testPeople.owner));
    expect(a.counter.requests).toBe(1);
    expect(site.emulator.stats.snapshot()).toMatchObject({ batchedRequests: 2, resourceUnits: 4 });
    // And it sees its own write at once, still without asking SharePoint.
    const again = must(await a.cache.load(stored.plan.id));
    expect(sectionText(again.plan, key)).toEqual(paragraph('Written without a reload.'));
    expect(a.counter.requests).toBe(1);
  });

  it('sees another instance’s edit within one delta round, for 1 RU a list', async () => {
    const a = instance();
    const b = instance();
    const { key, stored } = await planWithOwner(a.cache);
    must(await a.cache.load(stored.plan.id));
    const theirs = must(await b.cache.load(stored.plan.id));
    const decided = edit(theirs, key, 'Written on instance B.');
    must(await b.cache.save(theirs, decided.plan, [decided.audit!], testPeople.owner));

    // A's copy is older than B's write, and A has not asked since: it still shows the old text.
    expect(sectionText(must(await a.cache.load(stored.plan.id)).plan, key)).not.toEqual(
      paragraph('Written on instance B.'),
    );
    resetCounter(a.counter);
    site.emulator.stats.reset();
    const rounds = a.cache.mirror.counts.rounds;
    const fresh = must(await a.cache.refresh(stored.plan.id));
    // One round: one round trip, a $batch of one delta query per list (plans, sections, stages,
    // responses), 1 RU each with a token.
    expect(a.cache.mirror.counts.rounds).toBe(rounds + 1);
    expect(a.counter.requests).toBe(1);
    expect(site.emulator.stats.snapshot()).toMatchObject({ batchedRequests: 4, resourceUnits: 4 });
    expect(sectionText(fresh.plan, key)).toEqual(paragraph('Written on instance B.'));
    expect(fresh.plan).toEqual(
      must(await new SharePointPlanStore(site.client, site.site).load(stored.plan.id)).plan,
    );
  });

  it('a save from a stale copy is still a typed CONFLICT naming who changed the section and when, and nothing is overwritten', async () => {
    const a = instance();
    const b = instance();
    const { key, stored } = await planWithOwner(a.cache);
    const stale = must(await a.cache.load(stored.plan.id));
    const theirs = must(await b.cache.load(stored.plan.id));
    const decided = edit(theirs, key, 'Contributor’s words.');
    must(await b.cache.save(theirs, decided.plan, [decided.audit!], 'someone-on-b'));

    const mine = edit(stale, key, 'Words from the stale copy.');
    const saved = await a.cache.save(stale, mine.plan, [mine.audit!], testPeople.owner);
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.error.code).toBe('CONFLICT');
    expect(saved.error.details).toMatchObject({ changedBy: 'someone-on-b', kind: 'section', item: key });
    expect(saved.error.message).toContain('someone-on-b');
    expect(typeof (saved.error.details as { changedAt?: unknown }).changedAt).toBe('string');
    // After a conflict the next load reads the plan afresh: it shows B's words, which are still stored.
    const after = must(await a.cache.load(stored.plan.id));
    expect(sectionText(after.plan, key)).toEqual(paragraph('Contributor’s words.'));
  });

  it('brings in responses other instances wrote, and what they removed by hand', async () => {
    const a = instance();
    const b = instance();
    const { plan, audit } = newTestPlan();
    const created = must(await a.cache.create(plan, audit));
    const ready = applyAll(acceptedEverywhere(created.plan), [
      [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
    ]);
    const opened = must(await a.cache.save(created, ready, [], testPeople.lead));
    const stage = opened.plan.stages.find((s) => s.state === 'open')!;
    const approver = stage.approverIds[0]!;
    const onB = must(await b.cache.load(plan.id));
    const responded = apply(
      onB.plan,
      {
        type: 'respond',
        stageKey: stage.key,
        decision: 'approve',
        comment: null,
        versionHash: contentHash(onB.plan),
      },
      approver,
    );
    must(await b.cache.save(onB, responded, [], approver));

    const seen = must(await a.cache.refresh(plan.id));
    expect(seen.plan.stages.find((s) => s.key === stage.key)!.responses.map((r) => r.approverId)).toEqual([
      approver,
    ]);

    // Someone deletes the response item in SharePoint itself: the next round reports it gone.
    const listUrl = `/sites/${site.site.siteId}/lists/${site.site.listIds[responsesList.key]}/items`;
    const items = (await site.client
      .api(listUrl)
      .query({ $expand: 'fields', $filter: `fields/PlanId eq '${plan.id}'` })
      .get()) as { value: { id: string }[] };
    await site.client.api(`${listUrl}/${items.value[0]!.id}`).delete();
    const after = must(await a.cache.refresh(plan.id));
    expect(after.plan.stages.find((s) => s.key === stage.key)!.responses).toEqual([]);
  });

  it('lists plans from memory, with a plan another instance created once a round has run', async () => {
    const a = instance();
    const b = instance();
    await a.cache.list();
    const { plan, audit } = newTestPlan();
    must(await b.cache.create(plan, audit));
    resetCounter(a.counter);
    expect((await a.cache.list()).some((p) => p.id === plan.id)).toBe(false);
    expect(a.counter.requests).toBe(0);
    must(await a.cache.refresh(plan.id));
    expect((await a.cache.list()).some((p) => p.id === plan.id)).toBe(true);
  });

  it('with a short maxAge, a load after it has passed runs one round that every waiting load shares', async () => {
    let now = 0;
    const counter = newRequestCounter();
    const store = new SharePointPlanStore(site.newClient(counter), site.site);
    const cache = new CachedPlanStore(store, { maxAgeMs: 1_000, now: () => now });
    const { stored } = await planWithOwner(cache);
    now += 5_000;
    resetCounter(counter);
    const rounds = cache.mirror.counts.rounds;
    await Promise.all(Array.from({ length: 20 }, () => cache.load(stored.plan.id)));
    expect(cache.mirror.counts.rounds).toBe(rounds + 1);
    expect(counter.requests).toBe(1);
  });
  it('a burst of recent() reads shares one delta round, and a round begun a moment ago; refresh() needs its own', async () => {
    let now = 0;
    const counter = newRequestCounter();
    const store = new SharePointPlanStore(site.newClient(counter), site.site);
    const cache = new CachedPlanStore(store, { maxAgeMs: 60_000, recentMs: RECENT_MS, now: () => now });
    const { stored } = await planWithOwner(cache);
    now += RECENT_MS + 1;
    resetCounter(counter);
    const rounds = cache.mirror.counts.rounds;
    const burst = await Promise.all(Array.from({ length: 20 }, () => cache.recent(stored.plan.id)));
    expect(burst.every((r) => r.ok)).toBe(true);
    expect(cache.mirror.counts.rounds).toBe(rounds + 1);
    expect(counter.requests).toBe(1);
    // Within RECENT_MS of that round's start: answered from it, no request.
    now += RECENT_MS - 1;
    must(await cache.recent(stored.plan.id));
    expect(counter.requests).toBe(1);
    // refresh() wants a round that starts after it is called, however recent the last.
    must(await cache.refresh(stored.plan.id));
    expect(cache.mirror.counts.rounds).toBe(rounds + 2);
    expect(counter.requests).toBe(2);
  });

  it('recent() shows another instance’s write once its copy is older than RECENT_MS, not before', async () => {
    let now = 0;
    const counter = newRequestCounter();
    const store = new SharePointPlanStore(site.newClient(counter), site.site);
    const a = new CachedPlanStore(store, { maxAgeMs: 60_000, now: () => now });
    const b = instance();
    const { key, stored } = await planWithOwner(a);
    must(await a.refresh(stored.plan.id));
    const theirs = must(await b.cache.load(stored.plan.id));
    const decided = edit(theirs, key, 'Written on B a moment after A read.');
    must(await b.cache.save(theirs, decided.plan, [decided.audit!], testPeople.owner));
    expect(sectionText(must(await a.recent(stored.plan.id)).plan, key)).not.toEqual(
      paragraph('Written on B a moment after A read.'),
    );
    now += RECENT_MS + 1;
    expect(sectionText(must(await a.recent(stored.plan.id)).plan, key)).toEqual(
      paragraph('Written on B a moment after A read.'),
    );
  });

  it('a click decided on a recent copy that has not seen its stage open elsewhere is decided again afresh, and recorded', async () => {
    // A clock a millisecond further on at every reading: far less than RECENT_MS in all.
    let now = 0;
    const a = new CachedPlanStore(new SharePointPlanStore(site.newClient(newRequestCounter()), site.site), {
      maxAgeMs: 60_000,
      now: () => (now += 1),
    });
    const b = instance();
    const { plan, audit } = newTestPlan();
    const created = must(await a.create(plan, audit));
    must(await a.save(created, acceptedEverywhere(created.plan), [], testPeople.lead));
    must(await a.refresh(plan.id));
    // Instance B starts the approvals; A's copy, read a moment ago, has every stage still waiting.
    const onB = must(await b.cache.load(plan.id));
    const started = applyAll(onB.plan, [
      [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
    ]);
    const opened = must(await b.cache.save(onB, started, [], testPeople.lead));
    const stage = opened.plan.stages.find((s) => s.state === 'open')!;
    const approver = stage.approverIds[0]!;
    const onA = must(await a.recent(plan.id));
    expect(onA.plan.stages.find((s) => s.key === stage.key)!.state).not.toBe('open');

    const outcome = await runCommand(
      { store: a, clock: { now: () => T0 }, events: { publish: async () => undefined } },
      plan.id,
      {
        type: 'respond',
        stageKey: stage.key,
        decision: 'approve',
        comment: null,
        versionHash: contentHash(opened.plan),
      },
      { id: approver },
    );
    expect(outcome.ok, outcome.ok ? '' : outcome.error.code).toBe(true);
    const stored = must(await new SharePointPlanStore(site.client, site.site).load(plan.id));
    expect(stored.plan.stages.find((s) => s.key === stage.key)!.responses.map((r) => r.approverId)).toEqual([
      approver,
    ]);
  });
  it('while the budget runs low, loads are served from the copy (own writes in it) with no delta round, up to a minute old; fresh reads still ask', async () => {
    let now = 0;
    let low = false;
    const counter = newRequestCounter();
    const store = new SharePointPlanStore(site.newClient(counter), site.site);
    const cache = new CachedPlanStore(store, { maxAgeMs: 5_000, now: () => now, budgetLow: () => low });
    const { key, stored } = await planWithOwner(cache);
    must(await cache.load(stored.plan.id));
    low = true;
    now += 30_000;
    resetCounter(counter);
    const rounds = cache.mirror.counts.rounds;
    // Past maxAge, but the budget is low: the copy, and this instance's own save seen at once.
    const copy = must(await cache.load(stored.plan.id));
    const decided = edit(copy, key, 'Saved while the budget was low.');
    must(await cache.save(copy, decided.plan, [decided.audit!], testPeople.owner));
    expect(sectionText(must(await cache.load(stored.plan.id)).plan, key)).toEqual(
      paragraph('Saved while the budget was low.'),
    );
    expect(cache.mirror.counts.rounds).toBe(rounds);
    expect(counter.requests).toBe(1); // the save
    // A read that must be current still asks.
    must(await cache.refresh(stored.plan.id));
    expect(cache.mirror.counts.rounds).toBe(rounds + 1);
    // Older than a budget window: a round even while low.
    now += LOW_BUDGET_MAX_AGE_MS + 1;
    must(await cache.load(stored.plan.id));
    expect(cache.mirror.counts.rounds).toBe(rounds + 2);
    // The budget recovered: maxAge again.
    low = false;
    now += 5_001;
    must(await cache.load(stored.plan.id));
    expect(cache.mirror.counts.rounds).toBe(rounds + 3);
  });
});
