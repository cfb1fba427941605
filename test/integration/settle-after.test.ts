/**
 * Settling after the clicks, against the real Graph client and the local SharePoint emulator: when the
 * settle after the last approver's click cannot reach SharePoint, it is tried again a little later, so
 * the stage still closes and its messages still go out though nobody clicks again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandDeps } from '../../src/app/plans/run-command.js';
import { SettleAfterClicks } from '../../src/app/plans/settle-after.js';
import { contentHash } from '../../src/domain/documents/content-hash.js';
import type { DomainEvent } from '../../src/domain/plan/events.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import {
  acceptedEverywhere,
  applyAll,
  managementTeamOnlyFormat,
  newTestPlan,
  T0,
  testPeople,
} from '../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

async function openForOne(approverId: string) {
  const { plan, audit } = newTestPlan({ format: managementTeamOnlyFormat({ kind: 'all' }) });
  const created = await site.store.create(plan, audit);
  if (!created.ok) throw new Error(created.error.message);
  const ready = applyAll(acceptedEverywhere(created.value.plan), [
    [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
  ]);
  const onlyOne = {
    ...ready,
    stages: ready.stages.map((s) => (s.key === 'management-team' ? { ...s, approverIds: [approverId] } : s)),
  };
  const saved = await site.store.save(created.value, onlyOne, [], testPeople.lead);
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value.plan;
}

/** The approver presses Approve: answered once the response is stored, settled after. */
const approve = (deps: CommandDeps, plan: Plan, approver: string) =>
  runCommand(
    deps,
    plan.id,
    {
      type: 'respond',
      stageKey: 'management-team',
      decision: 'approve',
      comment: null,
      versionHash: contentHash(plan),
    },
    { id: approver },
    { settle: 'after' },
  );

describe('the settle after the last click', () => {
  it('fails while SharePoint answers 503, is tried again, and closes the stage and publishes once', async () => {
    const approver = testPeople.cmt[0]!;
    const plan = await openForOne(approver);
    const published: DomainEvent[] = [];
    const errors: unknown[] = [];
    const base = {
      store: site.store,
      clock: { now: () => T0 },
      events: {
        publish: async (_plan: unknown, events: readonly DomainEvent[]) => void published.push(...events),
      },
    };
    const settling = new SettleAfterClicks(base, (_id, error) => errors.push(error), [1_000, 1_000, 1_000]);
    const deps: CommandDeps = { ...base, followUp: settling };
    const clicked = await approve(deps, plan, approver);
    expect(clicked.ok).toBe(true);
    // The settle starts once the click is answered: SharePoint is down for it, and back before its retry.
    site.emulator.faults.set([{ status: 503, share: 1 }]);
    while (settling.counts.failures < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    site.emulator.faults.clear();
    await settling.idle();

    expect(settling.counts).toMatchObject({ settles: 2, failures: 1, retries: 1 });
    expect(errors).toEqual([]);
    const stored = await site.store.refresh(plan.id);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.plan.stages.find((s) => s.key === 'management-team')!.state).toBe('approved');
    expect(published.filter((e) => e.type === 'ResponseRecorded')).toHaveLength(1);
    expect(published.filter((e) => e.type === 'StageApproved')).toHaveLength(1);
  }, 30_000);

  it('gives up after its tries while SharePoint stays down, and says so once', async () => {
    const approver = testPeople.cmt[1]!;
    const plan = await openForOne(approver);
    const errors: unknown[] = [];
    const base = { store: site.store, clock: { now: () => T0 }, events: { publish: async () => undefined } };
    const settling = new SettleAfterClicks(base, (_id, error) => errors.push(error), [50, 50]);
    const clicked = await approve({ ...base, followUp: settling }, plan, approver);
    expect(clicked.ok).toBe(true);
    site.emulator.faults.set([{ status: 503, share: 1 }]);
    try {
      await settling.idle();
    } finally {
      site.emulator.faults.clear();
    }
    expect(settling.counts).toMatchObject({ settles: 3, failures: 2, retries: 2 });
    expect(errors).toHaveLength(1);
  }, 60_000);
});
