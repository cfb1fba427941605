/**
 * End to end in Debian's Chromium, driving the Microsoft 365 Agents Playground against the real server in
 * local mode: the management team's stage is open before any chat is chosen; the app is added to a group
 * chat and greets it with a "Use this chat for <plan>" button; the plan lead presses it
 * and the open stage's card appears in the chat; the plan lead (not an approver) presses Approve on that
 * shared card and is told privately that they are not an approver, with nothing stored; a member whose 1:1
 * card could not be delivered opens their Playground and gets it, once; a member presses
 * Approve on the same shared card and the tally updates in place; the portfolio holder then signs off from
 * the card in 1:1. Screenshots of each step are kept in test-results/playground/.
 *
 * Each person has their own Playground process and page, as each has their own Teams client: the
 * Playground's user is fixed per process. Local mode sends a group chat's messages to every Playground that
 * has shown that chat (src/local/local-seats.ts), as Teams delivers them to every member's client, and
 * edits each copy in place.
 *
 * The Playground does not do user-specific views (it ignores `refresh.userIds`, and says "User specific
 * view is not supported"): everyone sees the posted card, which is why it carries the buttons. Who sees
 * which view where Teams refreshes is covered at the protocol level in test/integration/bot/approvals.test.ts.
 * The test plan uses the Demo Borough format with the management team's rule set to "any one may approve"
 * (the shipped rule, 3 of 5 with the accountable director, is covered by the domain and protocol tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runCommand } from '../../src/app/plans/run-command.js';
import { createPlan } from '../../src/domain/plan/create-plan.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import type { ReportFormat } from '../../src/domain/templates/report-format.js';
import { allDemoPeople, demoPeople, managementTeamGroup } from '../../src/local/demo/people.js';
import { pickFreePort, type PlaygroundOptions } from '../../src/local/playground.js';
import { conversationKey } from '../../src/ports/conversations.js';
import type { Person } from '../../src/ports/directory.js';
import { compose, type App } from '../../src/server/composition.js';
import { LOCAL_BOT_ID, readConfig } from '../../src/server/config.js';
import { startHttpServer, type RunningServer } from '../../src/server/http-server.js';
import { acceptedEverywhere } from '../support/fixtures/index.js';
import {
  CHROMIUM_PATH,
  hasChromium,
  launchChromium,
  openAs,
  verbsIn,
  type CardMessage,
  type PersonSession,
} from '../support/playground-harness.js';

const missing = hasChromium()
  ? null
  : `Debian Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium); this test drives it`;

const PLAN_ID = 'e2e-playground-plan';
const BOT_NAME = 'Plan Builder';
const GROUP_CHAT = 'Management team';
const EMT_STAGE = 'management-team-endorsement';
const SIGN_OFF_STAGE = 'portfolio-holder-sign-off';
const EMT_TITLE = 'Executive Management Team endorsement';
const BIND_BUTTON = 'Use this chat for Productivity Plan (end to end)';
const lead = demoPeople.planLead;
const member = demoPeople.chiefExecutive;
const portfolioHolder = demoPeople.portfolioHolder;
const byId = new Map(allDemoPeople.map((p) => [p.id, p]));
const managementTeam: Person[] = managementTeamGroup.memberIds.map((id) => byId.get(id)!);

let app: App;
let server: RunningServer;
let browser: Browser;
let dataDir: string;
let leadPort: number;
const sessions: PersonSession[] = [];
let leadSession: PersonSession;
let memberSession: PersonSession;
let holderSession: PersonSession;
let postedCard: CardMessage;

async function currentPlan(): Promise<Plan> {
  const loaded = await app.store.load(PLAN_ID);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.plan;
}

function playgroundFor(currentUser: Person, users: readonly Person[], port = 0): PlaygroundOptions {
  return {
    botEndpoint: `${server.url}/api/messages`,
    port,
    currentUser,
    users,
    tenantId: 'local-tenant',
    botId: LOCAL_BOT_ID,
    botName: BOT_NAME,
  };
}

async function open(options: PlaygroundOptions): Promise<PersonSession> {
  const session = await openAs(browser, options);
  sessions.push(session);
  return session;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends what is due, a few passes: one answer can enqueue an update, an outcome and the next stage. */
async function dispatchAll(): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    const report = await app.dispatch();
    if (report.sent === 0) return;
  }
}

/** The Demo Borough format with the chain this test can walk in the Playground (see the header). */
function testFormat(): ReportFormat {
  const demo = app.catalog.reportFormats.find((f) => f.id === 'demo-borough-cabinet');
  const stage = (key: string) => demo?.approvalChain.find((s) => s.key === key);
  const emt = stage(EMT_STAGE);
  const signOff = stage(SIGN_OFF_STAGE);
  const decision = stage('cabinet-decision');
  if (!demo || !emt || !signOff || !decision) throw new Error('the Demo Borough format has changed');
  // Same id, so the frozen document renders with the installed format; only the stages differ.
  return {
    ...demo,
    approvalChain: [
      { ...emt, approverRoles: ['management-team'], rule: { kind: 'any' }, mandatoryRoles: [] },
      signOff,
      decision,
    ],
  };
}

async function createReadyPlan(): Promise<void> {
  const template = app.catalog.planTemplates.find((t) => t.id === 'dluhc-productivity-plan-2024');
  if (!template) throw new Error('the DLUHC template is not installed');
  const created = createPlan(
    template,
    testFormat(),
    {
      id: PLAN_ID,
      title: 'Productivity Plan (end to end)',
      leadId: lead.id,
      roles: {
        'report-author': [lead.id],
        'accountable-director': [demoPeople.director.id],
        'chief-finance-officer': [demoPeople.financeOfficer.id],
        'monitoring-officer': [demoPeople.monitoringOfficer.id],
        'management-team': managementTeamGroup.memberIds,
        'portfolio-holder': [portfolioHolder.id],
      },
    },
    { id: lead.id },
    app.clock.now(),
  );
  if (!created.ok) throw new Error(created.error.message);
  const stored = await app.store.create(created.value.plan, created.value.audit);
  if (!stored.ok) throw new Error(stored.error.message);
  const saved = await app.store.save(stored.value, acceptedEverywhere(stored.value.plan), [], lead.id);
  if (!saved.ok) throw new Error(saved.error.message);
}

beforeAll(async () => {
  if (missing) return;
  dataDir = mkdtempSync(path.join(tmpdir(), 'pb-e2e-'));
  const base = readConfig({ PB_MODE: 'local', PB_DATA_DIR: dataDir });
  if (base.mode !== 'local') throw new Error('local config expected');
  // The lead's Playground is the first Teams the app hears of; its connector is the default service URL.
  leadPort = await pickFreePort();
  app = await compose(
    {
      ...base,
      port: 0,
      emulatorPort: 0,
      bot: { ...base.bot, defaultServiceUrl: `http://127.0.0.1:${leadPort}/_connector` },
    },
    { quiet: true },
  );
  server = await startHttpServer(app);
  await createReadyPlan();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const session of sessions) await session.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('approvals in the Agents Playground', () => {
  it('the management team stage opens with no chat chosen yet', async (ctx) => {
    if (missing) ctx.skip(missing);
    const started = await runCommand(
      app.commands,
      PLAN_ID,
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      { id: lead.id },
    );
    expect(started.ok).toBe(true);
    expect((await currentPlan()).managementTeamChat).toBeNull();
  });

  it('the app added to the group chat greets it with a button for the plan lead', async (ctx) => {
    if (missing) ctx.skip(missing);
    leadSession = await open(playgroundFor(lead, managementTeam, leadPort));
    memberSession = await open(
      playgroundFor(member, [lead, ...managementTeam.filter((p) => p.id !== member.id)]),
    );
    for (const session of [memberSession, leadSession]) {
      await session.openChat(GROUP_CHAT);
      await session.page.getByRole('button', { name: BIND_BUTTON }).first().waitFor();
    }
    await leadSession.shot('01-welcome-in-the-group-chat');
  }, 90_000);

  it('the plan lead presses "Use this chat…" and the open stage’s card appears there', async (ctx) => {
    if (missing) ctx.skip(missing);
    await leadSession.page.getByRole('button', { name: BIND_BUTTON }).first().click();
    await leadSession.page.getByText('will be posted here').waitFor();
    expect((await currentPlan()).managementTeamChat).toBe(
      conversationKey(leadSession.playground.groupChatId),
    );
    await dispatchAll();
    for (const session of [leadSession, memberSession]) {
      await session.page.getByText('Waiting for responses').waitFor();
      await session.page.getByRole('button', { name: 'Approve', exact: true }).first().waitFor();
    }
    await memberSession.shot('02-stage-card-in-the-group-chat');
    const posted = memberSession.cards.find(
      (c) =>
        c.conversationId === memberSession.playground.groupChatId &&
        JSON.stringify(c.card).includes(EMT_TITLE),
    );
    if (!posted) throw new Error('No management team card reached the member’s Playground');
    postedCard = posted;
    expect(verbsIn(posted.card)).toContain('approval.respond');
    expect((posted.card['refresh'] as { userIds: string[] }).userIds).toContain(`8:orgid:${member.id}`);
  }, 60_000);

  it('the plan lead, not an approver, presses Approve: told privately, nothing stored', async (ctx) => {
    if (missing) ctx.skip(missing);
    await leadSession.page.getByRole('button', { name: 'Approve', exact: true }).last().click();
    await leadSession.page.getByText('You are not an approver for this stage').waitFor();
    await leadSession.shot('03-non-approver-refused');
    expect((await currentPlan()).stages.find((s) => s.key === EMT_STAGE)?.responses).toEqual([]);
    await dispatchAll();
    await expect(memberSession.page.getByText('You are not an approver').count()).resolves.toBe(0);
  }, 60_000);

  it('a member whose 1:1 card could not be delivered opens Plan Builder: the card is sent again, once', async (ctx) => {
    if (missing) ctx.skip(missing);
    // The stage went 1:1 as well (the plan lead chose it before any chat): nobody had opened this
    // member's Playground, so Teams (here the lead's Playground) did not know their chat.
    const late = managementTeam.find((p) => p.id !== member.id)!;
    const key = `approval/${PLAN_ID}/${EMT_STAGE}/1/${late.id}`;
    expect(await app.outbox.get(key)).toMatchObject({
      state: 'failed',
      unreachable: { reason: expect.any(String) },
    });
    const lateSession = await open({
      ...playgroundFor(late, [lead, ...managementTeam.filter((p) => p.id !== late.id)]),
      groupChatId: '19:plan-builder-local-late@thread.v2',
      groupChatName: 'Elsewhere',
    });
    await until(
      async () => (await app.outbox.get(key))?.state === 'pending',
      'the missed card to be queued again',
    );
    await dispatchAll();
    const isStageCard = (c: CardMessage) => JSON.stringify(c.card).includes(EMT_TITLE);
    await until(
      async () => lateSession.cards.some(isStageCard),
      'the missed card in the member’s Playground',
    );
    await lateSession.page.getByText('Endorsement requested').first().waitFor();
    await lateSession.shot('04a-missed-card-sent-again');
    // Their chat is known now: the mark is gone, and further passes or activities send nothing more.
    expect(await app.outbox.get(key)).toMatchObject({ state: 'sent', unreachable: null });
    await lateSession.openChat('Personal Chat');
    await dispatchAll();
    expect(new Set(lateSession.cards.filter(isStageCard).map((c) => c.messageId)).size).toBe(1);
  }, 90_000);

  it('a management team member presses Approve on the shared card', async (ctx) => {
    if (missing) ctx.skip(missing);
    const page = memberSession.page;
    await page.getByRole('button', { name: 'Approve', exact: true }).last().click();
    await page.getByText('Your approval is recorded').waitFor();
    await memberSession.shot('04-member-approved');
    // The click is answered once the response is stored; the stage is stored closed just after.
    await app.settled();
    const emt = (await currentPlan()).stages.find((s) => s.key === EMT_STAGE);
    expect(emt?.state).toBe('approved');
  }, 60_000);

  it('the card is updated for everyone, and the sign-off card reaches the portfolio holder in 1:1', async (ctx) => {
    if (missing) ctx.skip(missing);
    holderSession = await open(
      // A group chat of their own, so this client never stands in for the management team's.
      {
        ...playgroundFor(
          portfolioHolder,
          allDemoPeople.filter((p) => p.id !== portfolioHolder.id),
        ),
        groupChatId: '19:plan-builder-local-cabinet@thread.v2',
        groupChatName: 'Cabinet',
      },
    );
    await dispatchAll();
    // The app edits the posted message in place (PUT; also asserted in the protocol tests), so the card
    // everyone sees in the chat now shows the outcome.
    let update: CardMessage | undefined;
    await until(
      async () => {
        update = memberSession.cards.find(
          (c) =>
            c.messageId === postedCard.messageId &&
            JSON.stringify(c.card).includes(EMT_TITLE) &&
            c.card['refresh'] === undefined &&
            JSON.stringify(c.card).includes('"value":"Approved"'),
        );
        return update !== undefined;
      },
      `the updated management team card (cards seen: ${JSON.stringify(memberSession.cards.map((c) => [c.messageId, JSON.stringify(c.card).includes('"value":"Approved"'), c.card['refresh'] !== undefined]))})`,
    );
    expect(update!.messageId).toBe(postedCard.messageId);
    expect(verbsIn(update!.card)).not.toContain('approval.respond');
    expect(update!.card['refresh']).toBeUndefined();
    const shown = memberSession.page.locator('.ac-adaptiveCard').last();
    await shown.getByText('Approved', { exact: true }).waitFor();
    await expect(shown.getByText(`✓ ${member.displayName}`).count()).resolves.toBe(1);
    await expect(shown.getByRole('button', { name: 'Approve', exact: true }).count()).resolves.toBe(0);
    await memberSession.shot('05-card-updated-for-everyone');
    // The plan lead's copy of the same message is edited in place too.
    await until(
      async () =>
        leadSession.cards.some(
          (c) =>
            JSON.stringify(c.card).includes(EMT_TITLE) &&
            JSON.stringify(c.card).includes('"value":"Approved"'),
        ),
      'the plan lead’s copy of the card to show the outcome',
    );
    const page = holderSession.page;
    await page.getByText('Sign-off requested').waitFor();
    await page.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    await holderSession.shot('06-sign-off-card-in-1-1');
  }, 60_000);

  it('the portfolio holder clicks Approve in 1:1 and the plan lead is told', async (ctx) => {
    if (missing) ctx.skip(missing);
    const page = holderSession.page;
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText('Your approval is recorded').waitFor();
    await holderSession.shot('07-portfolio-holder-approved');
    await dispatchAll();
    await leadSession.openChat('Personal Chat');
    await leadSession.page.getByText('Record the decision').first().waitFor();
    await leadSession.shot('08-lead-asked-to-record-the-decision');
  }, 60_000);

  it('the store holds both stages approved by the right people', async (ctx) => {
    if (missing) ctx.skip(missing);
    const plan = await currentPlan();
    const answers = (key: string) =>
      plan.stages
        .find((s) => s.key === key)
        ?.responses.map((r) => ({ approver: r.approverId, responder: r.responderId, decision: r.decision }));
    expect(plan.stages.find((s) => s.key === EMT_STAGE)?.state).toBe('approved');
    expect(answers(EMT_STAGE)).toEqual([{ approver: member.id, responder: member.id, decision: 'approve' }]);
    expect(plan.stages.find((s) => s.key === SIGN_OFF_STAGE)?.state).toBe('approved');
    expect(answers(SIGN_OFF_STAGE)).toEqual([
      { approver: portfolioHolder.id, responder: portfolioHolder.id, decision: 'approve' },
    ]);
    expect(plan.status).toBe('awaiting-decision');
  });
});
