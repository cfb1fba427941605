/**
 * The composition root: the one place that turns configuration into running parts. It reads the
 * configuration once and chooses the mode: local mode is one call to src/local (`startLocalSharePoint`: the
 * SharePoint emulator with the demo directory, report formats and plan); tenant mode connects to the real
 * site. Either way the rest of the app gets the same ports over the same Graph adapter.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createBotRuntime, type BotRuntime } from '../adapters/bot/bot-runtime.js';
import { markdownSafe } from '../cards/escape.js';
import { resendMissed } from '../app/reach/resend-missed.js';
import { GraphChatInstaller } from '../adapters/bot/graph-installer.js';
import { PLANS_TAB_ENTITY_ID, TabLinks } from '../adapters/bot/links.js';
import { CardComposer } from '../adapters/bot/notification-composer.js';
import { PeopleNames } from '../adapters/bot/people-names.js';
import { tokenProvider } from '../adapters/sharepoint/app-tokens.js';
import { PlanRenderer } from '../adapters/documents/plan-renderer.js';
import { TokenBuckets } from '../adapters/rate-limit/token-bucket.js';
import { KpiCheckInComposer } from '../adapters/bot/kpi-checkins.js';
import { ProgressUpdateRenderer } from '../adapters/documents/progress-renderer.js';
import { SharePointKpiStore } from '../adapters/sharepoint/kpi-store.js';
import { scheduleCheckIns } from '../app/kpis/check-in-schedule.js';
import type { KpiDeps } from '../app/kpis/kit.js';
import type { ProgressPublishDeps } from '../app/progress/progress-updates.js';
import { SharePointConversationStore } from '../adapters/sharepoint/conversation-store.js';
import { SharePointDocumentStore } from '../adapters/sharepoint/document-store.js';
import { SharePointSitePages } from '../adapters/sharepoint/site-pages.js';
import { GraphDirectory } from '../adapters/sharepoint/graph-directory.js';
import { createGraphClient } from '../adapters/sharepoint/graph-client.js';
import { SharePointOutbox } from '../adapters/sharepoint/outbox-store.js';
import { SharePointPlanStore } from '../adapters/sharepoint/plan-store.js';
import { CachedPlanStore } from '../adapters/sharepoint/plan-cache.js';
import { CachedKpiStore } from '../adapters/sharepoint/kpi-cache.js';
import { GraphBudget } from '../adapters/sharepoint/graph-budget.js';
import { provisionSite } from '../adapters/sharepoint/provision.js';
import { connectSite } from '../adapters/sharepoint/site.js';
import {
  dispatchOutbox,
  type DispatchDeps,
  type DispatchReport,
} from '../app/notifications/dispatch-outbox.js';
import { FreezingEventSink } from '../app/publication/freezing-event-sink.js';
import { SettleAfterClicks } from '../app/plans/settle-after.js';
import { NoticeComposer } from '../app/notifications/notices/notice-composer.js';
import { OutboxEventSink } from '../app/notifications/outbox-event-sink.js';
import type { PublishDeps } from '../app/publication/publish-plan.js';
import type { CommandDeps } from '../app/plans/run-command.js';
import { scheduleReminders } from '../app/notifications/schedule-reminders.js';
import type { SharePointEmulator } from '../local/emulator/index.js';
import { startLocalSharePoint, type LocalSharePoint } from '../local/local-mode.js';
import { localDocuments, type LocalDocuments } from './local-documents.js';
import { LocalSeats } from '../local/local-seats.js';
import type { Clock, IdGenerator } from '../ports/clock.js';
import type { ConversationStore } from '../ports/conversations.js';
import type { Directory } from '../ports/directory.js';
import type { EventSink } from '../ports/event-sink.js';
import type { ChatInstaller } from '../ports/messaging.js';
import type { Outbox } from '../ports/outbox.js';
import type { PlanStore } from '../ports/plan-store.js';
import type { RateLimiter } from '../ports/rate-limit.js';
import type { TemplateCatalog } from '../ports/template-catalog.js';
import { loadCalendar } from '../templates/calendar-load.js';
import { loadCatalog } from '../templates/load.js';
import type { AppConfig } from './config.js';

export interface App {
  readonly config: AppConfig;
  readonly store: PlanStore;
  readonly catalog: TemplateCatalog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventSink;
  readonly commands: CommandDeps;
  readonly directory: Directory;
  readonly outbox: Outbox;
  readonly conversations: ConversationStore;
  readonly bot: BotRuntime;
  /** Rendering and publishing plans: the library, pages and the renderer. */
  readonly publishing: PublishDeps;
  /** How much one person may ask of the tab's API in a short time. */
  readonly apiLimiter: RateLimiter;
  /** KPIs, milestones and check-ins of published plans. */
  readonly kpis: KpiDeps;
  /** Progress updates: assembled, approved and published like the plan. */
  readonly progress: ProgressPublishDeps;
  readonly graph: Client;
  /** SharePoint's resource-unit budget as its answers report it: background work waits on it. */
  readonly budget: GraphBudget;
  readonly emulator: SharePointEmulator | null;
  /** Local mode: the emulator's documents and pages, served by this server (null in tenant mode). */
  readonly localDocuments: LocalDocuments | null;
  readonly demo: 'created' | 'present' | null;
  /** Resolves once the plans this instance's clicks left to settle are settled (their messages enqueued). */
  settled(): Promise<void>;
  /** One pass of sending what the outbox holds (after what this instance's clicks left to settle). */
  dispatch(): Promise<DispatchReport>;
  /** One pass of the reminder schedule. */
  remind(): Promise<{ readonly enqueued: number }>;
  /** Runs dispatch and reminders on timers until close(). */
  startWorkers(intervals?: { dispatchMs: number; remindMs: number }): void;
  close(): Promise<void>;
}

/** SharePoint keeps instants to the second; so does the app, so what it stores reads back equal. */
export const systemClock: Clock = { now: () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };

const noInstalls: ChatInstaller = { personalChat: async () => null };

interface Connected {
  readonly graph: Client;
  readonly catalog: TemplateCatalog;
  /** Local mode's SharePoint (the emulator and the demo); null in tenant mode. */
  readonly local: LocalSharePoint | null;
}

interface ComposeOptions {
  readonly quiet?: boolean;
  /**
   * Local mode: use this running emulator instead of starting one, as a second server instance would
   * share one SharePoint. The app does not close it.
   */
  readonly sharedEmulator?: SharePointEmulator;
  /**
   * Local mode: an emulator running in another process, at this URL, its site and directory set up by
   * whoever started it (the bench); the app provisions the lists through Graph and seeds no demo.
   */
  readonly remoteEmulatorUrl?: string;
  /**
   * Keep plans and KPIs in memory, refreshed by list delta (default true). Off, every read goes to
   * SharePoint: the server as it was, for the bench's before column.
   */
  readonly caches?: boolean;
}

async function connect(config: AppConfig, options: ComposeOptions, budget: GraphBudget): Promise<Connected> {
  const observer = budget.middleware();
  if (config.mode === 'local' && options.remoteEmulatorUrl) {
    const graph = createGraphClient({
      tokens: tokenProvider({ kind: 'static', token: 'local-mode' }),
      loopbackOrigin: options.remoteEmulatorUrl,
      observer,
    });
    await provisionSite(graph, config.siteUrl);
    return { graph, catalog: loadCatalog(), local: null };
  }
  if (config.mode === 'local') {
    const shared = options.sharedEmulator;
    const local = await startLocalSharePoint(config, { ...(shared ? { shared } : {}), observer });
    return { graph: local.graph, catalog: local.catalog, local };
  }
  return {
    catalog: loadCatalog(),
    graph: createGraphClient({ tokens: tokenProvider(config.graphCredential), observer }),
    local: null,
  };
}

export async function compose(config: AppConfig, options: ComposeOptions = {}): Promise<App> {
  const calendar = loadCalendar();
  const ids: IdGenerator = { newId: () => randomUUID() };
  const clock = systemClock;
  const budget = new GraphBudget({ reserveShare: config.budgetReservePercent / 100 });
  const { graph, catalog, local } = await connect(config, options, budget);
  try {
    const site = await connectSite(graph, config.siteUrl);
    const caches = options.caches ?? true;
    // While SharePoint's budget runs low, the caches serve people's reads from their copy (own writes
    // included) rather than spend delta rounds; fresh reads (a click, a settle) still ask.
    const cacheAge = { maxAgeMs: config.cacheMaxAgeSeconds * 1000, budgetLow: () => budget.low() };
    // Every batch the app sends feeds the budget its inner answers (the envelope goes through middleware).
    const batch = budget.batchOptions();
    const sharePointPlans = new SharePointPlanStore(graph, site, batch);
    const store: PlanStore = caches ? new CachedPlanStore(sharePointPlans, cacheAge) : sharePointPlans;
    const directory = new GraphDirectory(graph);
    const outbox = new SharePointOutbox(graph, site, batch);
    // Local mode: one Agents Playground per person, so a group chat's messages go to each of them.
    const seats = local ? new LocalSeats((line) => options.quiet || console.warn(line)) : null;
    const stored = new SharePointConversationStore(graph, site, batch);
    const conversations = seats ? seats.store(stored) : stored;
    const names = new PeopleNames(directory);
    // In a tenant, cards link into the Plans tab through Teams (so a phone opens the tab, signed in).
    const teamsTab =
      config.mode === 'tenant' && config.bot.catalogAppId
        ? { appId: config.bot.catalogAppId, entityId: PLANS_TAB_ENTITY_ID }
        : null;
    const links = new TabLinks(config.bot.publicUrl, teamsTab);
    const composer = new CardComposer(names, links, store);
    const notices = new NoticeComposer(composer);
    const documents = new SharePointDocumentStore(graph, site.siteId);
    const renderer = new PlanRenderer(catalog, names, directory);
    const log = (what: string, error: unknown): void => {
      if (!options.quiet) console.warn(`${what} failed:`, error instanceof Error ? error.message : error);
    };
    const events = new FreezingEventSink(
      new OutboxEventSink(notices, outbox, clock),
      { documents, renderer, clock, gate: budget },
      (error) => {
        if (!options.quiet)
          console.warn(
            'Freezing the version for approval failed:',
            error instanceof Error ? error.message : error,
          );
      },
    );
    const settling = new SettleAfterClicks({ store, clock, events }, (planId, error) =>
      log(`Settling ${planId} after a response`, error),
    );
    const commands: CommandDeps = { store, clock, events, followUp: settling };
    const pages = new SharePointSitePages(graph, site.siteId);
    const publishing: PublishDeps = { commands, documents, renderer, pages };
    // 20 at once, then two a second: far above anyone clicking cards, far below a flood.
    const limiter = new TokenBuckets({ burst: 20, perSecond: 2 });
    const sharePointKpis = new SharePointKpiStore(graph, site, batch);
    const kpiStore = caches ? new CachedKpiStore(sharePointKpis, cacheAge) : sharePointKpis;
    const kpis: KpiDeps = { plans: store, kpis: kpiStore, clock, ids };
    const progress: ProgressPublishDeps = {
      plans: store,
      kpis: kpiStore,
      updates: kpiStore,
      clock,
      names: (people) => names.names(people),
      documents,
      renderer: new ProgressUpdateRenderer(),
      pages,
    };
    const checkInComposer = new KpiCheckInComposer(names, links);
    const bot = createBotRuntime(config.bot.appId, config.bot.auth, {
      limiter,
      kpis: { kpis, names, links, calendar },
      commands,
      conversations,
      composer,
      names,
      links,
      reachable: (personId) => resendMissed({ outbox, plans: store, clock }, personId),
    });
    const installer: ChatInstaller = config.bot.catalogAppId
      ? new GraphChatInstaller(graph, conversations, clock, {
          catalogAppId: config.bot.catalogAppId,
          botId: config.bot.appId,
          tenantId: config.mode === 'tenant' ? config.tenantId : 'local-tenant',
          defaultServiceUrl: config.bot.defaultServiceUrl,
        })
      : noInstalls;
    const dispatchDeps: DispatchDeps = {
      outbox,
      conversations,
      sender: seats ? seats.sender(bot.sender) : bot.sender,
      installer,
      plans: store,
      clock,
      live: composer,
      safeNameOf: async (id) => markdownSafe(await names.name(id)),
    };
    const demo = local ? await local.seedDemoPlan({ store, clock, ids }) : null;
    const timers: NodeJS.Timeout[] = [];
    const app: App = {
      config,
      store,
      catalog,
      clock,
      ids,
      events,
      commands,
      directory,
      outbox,
      conversations,
      bot,
      // The tab loads views and autosaves: a larger budget than a person clicking cards needs.
      apiLimiter: new TokenBuckets({ burst: 200, perSecond: 20 }),
      publishing,
      kpis,
      progress,
      graph,
      budget,
      emulator: local?.emulator ?? null,
      localDocuments: local ? localDocuments({ siteWebUrl: site.webUrl, documents, pages }) : null,
      demo,
      settled: () => settling.idle(),
      async dispatch() {
        // What this instance's clicks still have to enqueue goes in this pass, not the next.
        await settling.idle();
        return dispatchOutbox(dispatchDeps);
      },
      async remind() {
        const sections = await scheduleReminders({
          plans: store,
          outbox,
          composer: notices,
          clock,
          calendar,
        });
        const checkIns = await scheduleCheckIns({
          plans: store,
          kpis: kpiStore,
          outbox,
          composer: checkInComposer,
          clock,
          calendar,
        });
        return { enqueued: sections.enqueued + checkIns.enqueued };
      },
      startWorkers(intervals = { dispatchMs: 2_000, remindMs: 60_000 }) {
        // Work nobody waits for: while SharePoint's budget runs low a pass is skipped (the next timer
        // tries again), so people's clicks and saves keep what is left.
        const budgetLow = (): boolean => budget.backgroundDelayMs() > 0;
        let dispatching = false;
        timers.push(
          setInterval(() => {
            if (dispatching || budgetLow()) return;
            dispatching = true;
            // The worker's passes stop as the budget runs low; an explicit dispatch() runs whole.
            dispatchOutbox({ ...dispatchDeps, gate: budget })
              .catch((e: unknown) => log('Sending the outbox', e))
              .finally(() => (dispatching = false));
          }, intervals.dispatchMs),
          setInterval(() => {
            if (budgetLow()) return;
            void app.remind().catch((e: unknown) => log('Scheduling reminders', e));
          }, intervals.remindMs),
        );
      },
      async close() {
        for (const timer of timers) clearInterval(timer);
        await settling.idle();
        await local?.close();
      },
    };
    return app;
  } catch (error) {
    await local?.close();
    throw error;
  }
}
