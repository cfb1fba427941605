/**
 * The bot with the KPI check-in action, in-process over the local SharePoint emulator, with a recording
 * fake Bot Connector as Teams. It builds the agent the way the composition root does (createAgent with
 * the KPI deps + the request handler + the Teams sender), over stores it opens itself.
 */
import type { Server } from 'node:http';
import { createAgentRequestHandler } from '@microsoft/agents-hosting-express';
import type { CloudAdapter, Request as AgentRequest, WebResponse } from '@microsoft/agents-hosting';
import express from 'express';
import { createAgent } from '../../src/adapters/bot/agent.js';
import { KpiCheckInComposer } from '../../src/adapters/bot/kpi-checkins.js';
import { TabLinks } from '../../src/adapters/bot/links.js';
import { CardComposer } from '../../src/adapters/bot/notification-composer.js';
import { PeopleNames } from '../../src/adapters/bot/people-names.js';
import { TeamsSender } from '../../src/adapters/bot/teams-sender.js';
import { SharePointConversationStore } from '../../src/adapters/sharepoint/conversation-store.js';
import { GraphDirectory } from '../../src/adapters/sharepoint/graph-directory.js';
import { SharePointKpiStore } from '../../src/adapters/sharepoint/kpi-store.js';
import { SharePointOutbox } from '../../src/adapters/sharepoint/outbox-store.js';
import { dispatchOutbox, type DispatchReport } from '../../src/app/notifications/dispatch-outbox.js';
import { scheduleCheckIns } from '../../src/app/kpis/check-in-schedule.js';
import type { KpiDeps } from '../../src/app/kpis/kit.js';
import { seedDirectory } from '../../src/local/demo/seed.js';
import { LOCAL_BOT_ID } from '../../src/server/config.js';
import { loadCalendar } from '../../src/templates/calendar-load.js';
import { FakeConnector, type Person } from './bot-harness.js';
import { startTestSite, type TestSite } from './sharepoint.js';

export interface KpiBotHarness {
  readonly site: TestSite;
  readonly kpiDeps: KpiDeps;
  readonly connector: FakeConnector;
  /** The clock every part reads; tests move it. */
  setNow(now: string): void;
  say(from: Person, text: string): Promise<{ status: number; body: unknown }>;
  invoke(
    from: Person,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }>;
  /** One pass of the check-in schedule, then one of sending the outbox. */
  scheduleAndSend(): Promise<{ enqueued: number; report: DispatchReport }>;
  close(): Promise<void>;
}

export async function startKpiBotHarness(start: string): Promise<KpiBotHarness> {
  let now = start;
  const clock = { now: () => now };
  const site = await startTestSite();
  seedDirectory(site.emulator);
  const connector = new FakeConnector();
  await connector.start();
  const store = site.store;
  const names = new PeopleNames(new GraphDirectory(site.client));
  const links = new TabLinks('https://plans.example.gov.uk');
  const conversations = new SharePointConversationStore(site.client, site.site);
  const outbox = new SharePointOutbox(site.client, site.site);
  const composer = new CardComposer(names, links, store);
  let ids = 0;
  const kpiDeps: KpiDeps = {
    plans: store,
    kpis: new SharePointKpiStore(site.client, site.site),
    clock,
    ids: { newId: () => `kpi-test-${++ids}` },
  };
  const calendar = loadCalendar();
  const agent = createAgent({
    limiter: { take: () => ({ allowed: true }) },
    commands: { store, clock, events: { publish: async () => undefined } },
    conversations,
    composer,
    names,
    links,
    kpis: { kpis: kpiDeps, names, links, calendar },
  });
  const handle = createAgentRequestHandler(agent, { clientId: '' });
  const sender = new TeamsSender(agent.adapter as CloudAdapter, LOCAL_BOT_ID);
  const web = express();
  web.post('/api/messages', express.json(), (request, response, next) => {
    handle(request as unknown as AgentRequest, response as unknown as WebResponse).catch(next);
  });
  const server: Server = await new Promise((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const post = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  const personal = (from: Person) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    recipient: { id: LOCAL_BOT_ID, name: 'Plan Builder' },
    from: { id: `29:${from.id}`, aadObjectId: from.id, name: from.name },
    conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: 'local-tenant' },
    channelData: { tenant: { id: 'local-tenant' } },
  });
  let n = 0;
  return {
    site,
    kpiDeps,
    connector,
    setNow: (value) => {
      now = value;
    },
    say: (from, text) => post({ ...personal(from), type: 'message', id: `m${++n}`, text }),
    invoke: (from, verb, data) =>
      post({
        ...personal(from),
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `i${++n}`,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    async scheduleAndSend() {
      const { enqueued } = await scheduleCheckIns({
        plans: store,
        kpis: kpiDeps.kpis,
        outbox,
        composer: new KpiCheckInComposer(names, links),
        clock,
        calendar,
      });
      const report = await dispatchOutbox({
        outbox,
        conversations,
        sender,
        installer: { personalChat: async () => null },
        plans: store,
        clock,
        live: composer,
      });
      return { enqueued, report };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
      await site.close();
    },
  };
}
