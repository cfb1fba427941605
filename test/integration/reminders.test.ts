/**
 * Reminders and escalation through the outbox: due on schedule, sent once however many scheduler
 * passes and server instances see them.
 */
import { NoticeComposer } from '../../src/app/notifications/notices/notice-composer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TabLinks } from '../../src/adapters/bot/links.js';
import { CardComposer } from '../../src/adapters/bot/notification-composer.js';
import { PeopleNames } from '../../src/adapters/bot/people-names.js';
import { GraphDirectory } from '../../src/adapters/sharepoint/graph-directory.js';
import { SharePointOutbox } from '../../src/adapters/sharepoint/outbox-store.js';
import { SharePointPlanStore } from '../../src/adapters/sharepoint/plan-store.js';
import { scheduleReminders, type ReminderDeps } from '../../src/app/notifications/schedule-reminders.js';
import { loadCalendar } from '../../src/templates/calendar-load.js';
import { applyAll, newTestPlan, paragraph, testPeople } from '../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';

let site: TestSite;
const calendar = loadCalendar();

/** One server instance: its own Graph client over the same site. */
function instance(now: string): ReminderDeps {
  const client = site.newClient();
  const store = new SharePointPlanStore(client, site.site, { sleep: async () => undefined });
  return {
    plans: store,
    outbox: new SharePointOutbox(client, site.site),
    composer: new NoticeComposer(
      new CardComposer(
        new PeopleNames(new GraphDirectory(client)),
        new TabLinks('https://plans.example'),
        store,
      ),
    ),
    clock: { now: () => now },
    calendar,
  };
}

beforeAll(async () => {
  site = await startTestSite();
  const { plan, audit } = newTestPlan();
  const created = await site.store.create(plan, audit);
  if (!created.ok) throw new Error(created.error.message);
  // Context due Friday 12 July 2024 and still in draft; Theme 1 due later.
  const ready = applyAll(created.value.plan, [
    [
      {
        type: 'assignSection',
        sectionKey: 'context',
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: '2024-07-12',
      },
      testPeople.lead,
    ],
    [
      { type: 'editSection', sectionKey: 'context', baseRevision: 0, content: paragraph('draft') },
      testPeople.owner,
    ],
    [
      {
        type: 'assignSection',
        sectionKey: 'theme-1-transformation',
        ownerId: testPeople.contributor,
        contributorIds: [],
        dueDate: '2024-08-30',
      },
      testPeople.lead,
    ],
  ]);
  const saved = await site.store.save(created.value, ready, [], testPeople.lead);
  if (!saved.ok) throw new Error(saved.error.message);
});
afterAll(async () => {
  await site.close();
});

async function queued(): Promise<{ key: string; recipient: unknown; card: unknown }[]> {
  const outbox = new SharePointOutbox(site.client, site.site);
  const due = await outbox.due('2099-01-01T00:00:00Z', 1000);
  return due.map((e) => ({ key: e.key, recipient: e.recipient, card: e.card }));
}

describe('the reminder scheduler', () => {
  it('queues a reminder to the owner when one is due, and nothing for sections not yet near their date', async () => {
    const result = await scheduleReminders(instance('2024-07-10T08:00:00Z'));
    expect(result.enqueued).toBe(1);
    const [reminder] = await queued();
    expect(reminder).toMatchObject({ recipient: { kind: 'user', userId: testPeople.owner } });
    expect(JSON.stringify(reminder!.card)).toContain('Due in 2 days');
  });

  it('two instances running every pass, repeatedly, queue each reminder and escalation once', async () => {
    const now = '2024-07-16T08:00:00Z';
    const [a, b] = [instance(now), instance(now)];
    const results = await Promise.all([
      scheduleReminders(a),
      scheduleReminders(b),
      scheduleReminders(a),
      scheduleReminders(b),
    ]);
    expect(results.reduce((sum, r) => sum + r.enqueued, 0)).toBe(2);
    const keys = (await queued()).map((q) => q.key);
    expect(keys.filter((k) => k.includes('/2024-07-16'))).toHaveLength(2);
    const escalation = (await queued()).find((q) => q.key.startsWith('escalation/'));
    expect(escalation).toMatchObject({ recipient: { kind: 'user', userId: testPeople.lead } });
    expect(JSON.stringify(escalation!.card)).toContain('Overdue sections');
  });
});
