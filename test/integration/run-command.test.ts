/**
 * The command use case against the real Graph client and the local SharePoint emulator: concurrent
 * editors, concurrent approvers, and throttling faults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphStoreError } from '../../src/adapters/sharepoint/store-errors.js';
import { runCommand, type CommandDeps } from '../../src/app/plans/run-command.js';
import type { Command } from '../../src/domain/plan/commands.js';
import { contentHash } from '../../src/domain/documents/content-hash.js';
import type { DomainEvent } from '../../src/domain/plan/events.js';
import {
  acceptedEverywhere,
  applyAll,
  managementTeamOnlyFormat,
  newTestPlan,
  paragraph,
  T0,
  testPeople,
} from '../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';

let site: TestSite;

/** mulberry32: small, fast, good enough to spread injected faults. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const published: DomainEvent[] = [];
let deps: CommandDeps;

beforeAll(async () => {
  // Faults are drawn from a seeded generator, so a failure here can be replayed exactly.
  site = await startTestSite({ random: seededRandom(20241122) });
  deps = {
    store: site.store,
    clock: { now: () => T0 },
    events: { publish: async (_plan, events) => void published.push(...events) },
  };
});
afterAll(async () => {
  await site.close();
});

async function storedPlan(
  options: Parameters<typeof newTestPlan>[0] = {},
  prepare = (p: ReturnType<typeof newTestPlan>['plan']) => p,
) {
  const { plan, audit } = newTestPlan(options);
  const created = await site.store.create(plan, audit);
  if (!created.ok) throw new Error(created.error.message);
  const saved = await site.store.save(created.value, prepare(created.value.plan), [], testPeople.lead);
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value.plan;
}

describe('editing', () => {
  it('two people saving one section from the same revision: one is stored, the other is told who changed it', async () => {
    const plan = await storedPlan({}, (p) =>
      applyAll(p, [
        [
          {
            type: 'assignSection',
            sectionKey: 'context',
            ownerId: testPeople.owner,
            contributorIds: [testPeople.contributor],
            dueDate: null,
          },
          testPeople.lead,
        ],
      ]),
    );
    const edit = (words: string): Command => ({
      type: 'editSection',
      sectionKey: 'context',
      baseRevision: 0,
      content: paragraph(words),
    });
    const [a, b] = await Promise.all([
      runCommand(deps, plan.id, edit('Owner words'), { id: testPeople.owner }),
      runCommand(deps, plan.id, edit('Contributor words'), { id: testPeople.contributor }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    const winnerId = a.ok ? testPeople.owner : testPeople.contributor;
    expect(loser).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION', details: { lastEdit: { by: winnerId } } },
    });
    const loaded = await site.store.load(plan.id);
    if (!loaded.ok) throw new Error('not found');
    const section = loaded.value.plan.sections.find((s) => s.definition.key === 'context')!;
    expect(section.revision).toBe(1);
    expect(section.content).toEqual(paragraph(a.ok ? 'Owner words' : 'Contributor words'));
  });
});

describe('approving', () => {
  it('12 management-team members responding at once: 12 responses, one outcome, the next stage opened once', async () => {
    const plan = await storedPlan({ format: managementTeamOnlyFormat({ kind: 'all' }) }, (p) =>
      applyAll(acceptedEverywhere(p), [
        [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
      ]),
    );
    published.length = 0;
    const respond: Command = {
      type: 'respond',
      stageKey: 'management-team',
      decision: 'approve',
      comment: null,
      versionHash: contentHash(plan),
    };
    const results = await Promise.all(testPeople.cmt.map((id) => runCommand(deps, plan.id, respond, { id })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const loaded = await site.store.load(plan.id);
    if (!loaded.ok) throw new Error('not found');
    const stage = loaded.value.plan.stages.find((s) => s.key === 'management-team')!;
    expect(stage.responses).toHaveLength(12);
    expect(new Set(stage.responses.map((r) => r.approverId)).size).toBe(12);
    expect(stage.state).toBe('approved');
    expect(published.filter((e) => e.type === 'StageApproved')).toHaveLength(1);
    expect(published.filter((e) => e.type === 'StageOpened')).toHaveLength(1);
    expect(published.filter((e) => e.type === 'ResponseRecorded')).toHaveLength(12);
    expect(loaded.value.plan.status).toBe('awaiting-decision');
  });
});

describe('under throttling faults', () => {
  it('with 20% of Graph requests answered 429 or 503, 200 scripted writes each land exactly once', async () => {
    const sections = [
      'context',
      'theme-1-transformation',
      'theme-2-technology-and-data',
      'theme-3-reducing-waste',
    ];
    const plan = await storedPlan({}, (p) =>
      applyAll(
        p,
        sections.map((key) => [
          {
            type: 'assignSection',
            sectionKey: key,
            ownerId: testPeople.owner,
            contributorIds: [],
            dueDate: null,
          },
          testPeople.lead,
        ]),
      ),
    );
    site.emulator.faults.set([
      { status: 429, share: 0.1, retryAfterSeconds: 0 },
      { status: 503, share: 0.112, retryAfterSeconds: 0 },
      // A gateway timeout after the batch was carried out: the client sends it again.
      { path: /\$batch/, method: 'POST', status: 504, share: 0.03, retryAfterSeconds: 0, afterCommit: true },
    ]);
    const tryWrite = async (command: Command) => {
      try {
        return await runCommand(deps, plan.id, command, { id: testPeople.owner });
      } catch (error) {
        if (error instanceof GraphStoreError && error.code === 'GRAPH_UNAVAILABLE')
          return 'unavailable' as const;
        throw error;
      }
    };
    const before = site.emulator.stats.snapshot();
    const revisions = new Map(sections.map((key) => [key, 0]));
    try {
      for (let i = 0; i < 200; i++) {
        const key = sections[i % sections.length]!;
        const command: Command = {
          type: 'editSection',
          sectionKey: key,
          baseRevision: revisions.get(key)!,
          content: paragraph(`write ${i}`),
        };
        // A write whose every retry was throttled reaches the caller as "unavailable, try again"; a client
        // (the tab, a card) sends the same command again, as this loop does.
        let result = await tryWrite(command);
        for (let attempt = 0; result === 'unavailable' && attempt < 5; attempt++)
          result = await tryWrite(command);
        if (result === 'unavailable') throw new Error(`write ${i}: still throttled after 6 tries`);
        if (!result.ok) throw new Error(`write ${i}: ${result.error.code} ${result.error.message}`);
        revisions.set(key, revisions.get(key)! + 1);
      }
    } finally {
      site.emulator.faults.clear();
    }
    const faulted = site.emulator.stats.snapshot();
    expect(faulted.requests - before.requests).toBeGreaterThan(200);
    const loaded = await site.store.load(plan.id);
    if (!loaded.ok) throw new Error('not found');
    for (const key of sections) {
      expect(loaded.value.plan.sections.find((s) => s.definition.key === key)!.revision).toBe(50);
    }
    const edits = (await site.store.auditLog(plan.id)).filter((e) => e.command === 'editSection');
    expect(edits).toHaveLength(200);
    expect(new Set(edits.map((e) => e.summary)).size).toBe(200);
    // Drafting does not number versions; each edit is its own audit entry, once.
    expect(edits.every((e) => e.version === 0)).toBe(true);
  });
});
