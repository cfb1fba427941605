/**
 * Starting approvals that lead to the management team's stage with no chat chosen, through the HTTP API:
 * refused with CHOICE_NEEDED until the plan lead chooses a chat the app is in or 1:1; a chat the app is
 * not in, or cannot post to, is refused; only the plan lead sees the choices or makes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, managementTeamGroup } from '../../../src/local/demo/people.js';
import { conversationKey, personalKey, type StoredConversation } from '../../../src/ports/conversations.js';
import type { ApiErrorBody, GroupDeliveryOptionsDto, PlanViewDto } from '../../../src/shared/api.js';
import { readyDemoPlan } from '../../support/ready-demo-plan.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';

let tab: TabServer;
const lead = demoPeople.planLead.id;
const CHAT = '19:emt-chat@thread.v2';
const GONE = '19:gone-chat@thread.v2';
const NOW = '2026-12-02T03:00:00Z';

const conversation = (id: string, extra: Partial<StoredConversation> = {}): StoredConversation => ({
  key: conversationKey(id),
  kind: 'groupChat',
  conversationId: id,
  serviceUrl: 'http://127.0.0.1:9/_connector',
  tenantId: 'local-tenant',
  botId: 'bot',
  userId: null,
  title: 'Executive Management Team',
  updatedAt: NOW,
  ...extra,
});

let made = 0;
const readyPlan = (title: string): Promise<string> => readyDemoPlan(tab.app, `delivery-${++made}`, title);

const start = (planId: string, body?: unknown, as = lead) =>
  tab.as(as)<PlanViewDto & ApiErrorBody>('POST', `/api/plans/${planId}/approvals/start`, body);

beforeAll(async () => {
  tab = await startTabServer();
  await tab.app.conversations.save(conversation(CHAT));
  await tab.app.conversations.save(conversation(GONE, { title: 'Old chat' }));
  await tab.app.conversations.markUnreachable(conversationKey(GONE), {
    reason: 'removed',
    detail: 'the bot was removed',
    since: NOW,
  });
  // One member has talked to the bot 1:1; the others have not.
  await tab.app.conversations.save({
    ...conversation(`a:${demoPeople.chiefExecutive.id}`),
    key: personalKey(demoPeople.chiefExecutive.id),
    kind: 'personal',
    userId: demoPeople.chiefExecutive.id,
    title: null,
  });
}, 120_000);
afterAll(async () => {
  await tab?.close();
});

describe('starting approvals with the management team ahead and no chat chosen', () => {
  it('is refused with CHOICE_NEEDED, saying why, and opens nothing', async () => {
    const planId = await readyPlan('Delivery refused');
    const refused = await start(planId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CHOICE_NEEDED');
    expect(refused.body.error.details).toEqual({
      choice: 'management-team-delivery',
      stageKey: 'management-team-endorsement',
    });
    expect(refused.body.error.message).toContain('Executive Management Team endorsement');
    const plan = (await tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
    expect(plan.stages.every((s) => s.state === 'waiting')).toBe(true);
  });

  it('offers the plan lead the chats the app is in and says who 1:1 cannot reach yet', async () => {
    const planId = await readyPlan('Delivery options');
    const options = await tab.as(lead)<GroupDeliveryOptionsDto>(
      'GET',
      `/api/plans/${planId}/approvals/delivery`,
    );
    expect(options.status).toBe(200);
    expect(options.body.stage).toEqual({
      key: 'management-team-endorsement',
      title: 'Executive Management Team endorsement',
    });
    // The chat the bot was removed from is not offered.
    expect(options.body.chats).toEqual([
      { conversationKey: conversationKey(CHAT), title: 'Executive Management Team', kind: 'groupChat' },
    ]);
    const reachable = options.body.members.filter((m) => m.reachable).map((m) => m.id);
    expect(reachable).toEqual([demoPeople.chiefExecutive.id]);
    expect(options.body.members.map((m) => m.id).sort()).toEqual(
      [...new Set([...managementTeamGroup.memberIds, demoPeople.director.id])].sort(),
    );
    expect(options.body.members.find((m) => m.id === demoPeople.director.id)?.name).toBe(
      demoPeople.director.displayName,
    );
  });

  it('shows the choices to nobody else, and lets nobody else choose', async () => {
    const planId = await readyPlan('Delivery not yours');
    const other = demoPeople.chiefExecutive.id;
    expect((await tab.as(other)('GET', `/api/plans/${planId}/approvals/delivery`)).status).toBe(403);
    const refused = await start(planId, { delivery: { kind: 'one-to-one' } }, other);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('NOT_ALLOWED');
  });

  it('refuses a chat the app is not in, or cannot post to, and a malformed choice', async () => {
    const planId = await readyPlan('Delivery bad chat');
    const unknown = await start(planId, {
      delivery: { kind: 'chat', conversationKey: 'conversation:19:nope' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('Plan Builder is not in that chat');
    const gone = await start(planId, { delivery: { kind: 'chat', conversationKey: conversationKey(GONE) } });
    expect(gone.status).toBe(409);
    expect(gone.body.error.code).toBe('INVALID_STATE');
    const personal = await start(planId, {
      delivery: { kind: 'chat', conversationKey: personalKey(demoPeople.chiefExecutive.id) },
    });
    expect(personal.status).toBe(404);
    expect((await start(planId, { delivery: { kind: 'email' } })).status).toBe(400);
    const plan = (await tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
    expect(plan.stages.every((s) => s.state === 'waiting')).toBe(true);
  });

  it('starts with 1:1 chosen, and with a chat chosen binds that chat', async () => {
    const oneToOne = await readyPlan('Delivery 1:1');
    const started = await start(oneToOne, { delivery: { kind: 'one-to-one' } });
    expect(started.status).toBe(200);
    expect(started.body.stages.find((s) => s.state === 'open')?.key).toBe('implications-sign-off');
    const inChat = await readyPlan('Delivery chat');
    expect(
      (await start(inChat, { delivery: { kind: 'chat', conversationKey: conversationKey(CHAT) } })).status,
    ).toBe(200);
    const stored = await tab.app.store.load(inChat);
    expect(stored.ok && stored.value.plan.managementTeamChat).toBe(conversationKey(CHAT));
    // Chosen now, so the next start asks nothing and the options say no choice is needed.
    const options = await tab.as(lead)<GroupDeliveryOptionsDto>(
      'GET',
      `/api/plans/${inChat}/approvals/delivery`,
    );
    expect(options.body).toEqual({ stage: null, chats: [], members: [] });
  });
});
