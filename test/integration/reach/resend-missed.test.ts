/**
 * Cards missed while someone could not be reached, sent again when they can be, over the real SharePoint
 * outbox (emulator): only a card whose round is still open and still waits for them, once, whoever asks
 * how often and however many ask at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharePointOutbox } from '../../../src/adapters/sharepoint/outbox-store.js';
import { resendMissed, type ResendDeps } from '../../../src/app/reach/resend-missed.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { OutgoingMessage } from '../../../src/ports/outbox.js';
import {
  acceptedEverywhere,
  applyAll,
  newTestPlan,
  smallTeam,
  testPeople,
} from '../../support/fixtures/index.js';
import { managementTeamOnlyFormat } from '../../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../../support/sharepoint.js';

const NOW = '2026-12-02T04:00:00Z';
let site: TestSite;
let plan: Plan;
let deps: ResendDeps;

beforeAll(async () => {
  site = await startTestSite();
  const created = newTestPlan({ format: managementTeamOnlyFormat({ kind: 'all' }) });
  const stored = await site.store.create(created.plan, created.audit);
  if (!stored.ok) throw new Error(stored.error.message);
  const started = applyAll(acceptedEverywhere(created.plan), [
    [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
  ]);
  const saved = await site.store.save(stored.value, started, [], testPeople.lead);
  if (!saved.ok) throw new Error(saved.error.message);
  plan = started;
  deps = {
    outbox: new SharePointOutbox(site.client, site.site),
    plans: site.store,
    clock: { now: () => NOW },
  };
});
afterAll(async () => {
  await site.close();
});

const card = (key: string, userId: string): OutgoingMessage => ({
  key,
  planId: plan.id,
  recipient: { kind: 'user', userId },
  text: 'Endorsement requested',
  card: { type: 'AdaptiveCard' },
  replacesKey: null,
  notBefore: NOW,
  live: null,
});

/** Enqueued, tried, and given up on because the person could not be reached. */
async function missed(message: OutgoingMessage): Promise<void> {
  await deps.outbox.enqueue([message]);
  const entry = (await deps.outbox.get(message.key))!;
  const claimed = (await deps.outbox.claim(entry, NOW))!;
  await deps.outbox.markFailed(claimed, 'Conversation not found', null, {
    reason: 'conversation-not-found',
    at: NOW,
  });
}

describe('sending missed cards again', () => {
  it('puts back only the card of the open round that waits for them, and only once', async () => {
    const person = smallTeam[1]!;
    const current = `approval/${plan.id}/management-team/1/${person}`;
    const earlierRound = `approval/${plan.id}/management-team/0/${person}`;
    const notACard = `outcome/${plan.id}/management-team/1`;
    for (const key of [current, earlierRound, notACard]) await missed(card(key, person));
    await missed(card(`approval/${plan.id}/management-team/1/${smallTeam[2]!}`, smallTeam[2]!));

    // Two instances see the person's activity at once: one wins the card.
    const [first, second] = await Promise.all([resendMissed(deps, person), resendMissed(deps, person)]);
    expect([...first, ...second]).toEqual([current]);
    expect(await deps.outbox.get(current)).toMatchObject({
      state: 'pending',
      unreachable: null,
      nextAttemptAt: NOW,
    });
    for (const key of [earlierRound, notACard])
      expect(await deps.outbox.get(key)).toMatchObject({
        state: 'failed',
        unreachable: { reason: 'conversation-not-found' },
      });
    // Someone else's missed card stays missed until they are seen.
    expect((await deps.outbox.missedBy(smallTeam[2]!)).map((e) => e.key)).toHaveLength(1);
    // Asked again: nothing more.
    expect(await resendMissed(deps, person)).toEqual([]);
  });

  it('leaves a card for an approver who has answered since', async () => {
    const person = smallTeam[3]!;
    const key = `approval/${plan.id}/management-team/1/${person}`;
    await missed(card(key, person));
    const loaded = await site.store.load(plan.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const answered = applyAll(loaded.value.plan, [
      [
        {
          type: 'respond',
          stageKey: 'management-team',
          decision: 'approve',
          comment: null,
          versionHash: loaded.value.plan.versionHash,
        },
        person,
      ],
    ]);
    const saved = await site.store.save(loaded.value, answered, [], person);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await resendMissed(deps, person)).toEqual([]);
    expect(await deps.outbox.get(key)).toMatchObject({ state: 'failed' });
  });
});
