/** Someone the bot cannot reach is named to the plan lead in the tab, as well as in chat. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../../src/local/demo/seed.js';
import type { UnreachableDto } from '../../../src/shared/api.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';

let tab: TabServer;
beforeAll(async () => {
  tab = await startTabServer();
});
afterAll(() => tab?.close());

describe('people the bot cannot reach', () => {
  it('are listed for the plan once their card could not be delivered', async () => {
    const lead = tab.as(demoPeople.planLead.id);
    expect((await lead<UnreachableDto>('GET', `/api/plans/${DEMO_PLAN_ID}/unreachable`)).body.people).toEqual(
      [],
    );
    // The tenant does not let the app be installed for this person, and they never opened it.
    tab.app.emulator!.admin.forbidAppInstall(demoPeople.deputy.id, true);
    const assigned = await lead('POST', `/api/plans/${DEMO_PLAN_ID}/sections/kpis/assign`, {
      ownerId: demoPeople.deputy.id,
      contributorIds: [],
      dueDate: null,
    });
    expect(assigned.status).toBe(200);
    await tab.app.dispatch();
    const answer = await lead<UnreachableDto>('GET', `/api/plans/${DEMO_PLAN_ID}/unreachable`);
    expect(answer.body.people).toEqual([
      {
        id: demoPeople.deputy.id,
        name: demoPeople.deputy.displayName,
        reason: 'not-installed',
        explanation: expect.stringContaining('not installed') as unknown as string,
        since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown as string,
      },
    ]);
    expect(answer.body.chats).toEqual([]);
    // The plan lead is told in chat too (queued once; the lead has no chat in this test, so it waits).
    const toLead = await tab.app.outbox.get(`unreachable/${DEMO_PLAN_ID}/${demoPeople.deputy.id}`);
    expect(toLead).toMatchObject({ recipient: { kind: 'user', userId: demoPeople.planLead.id } });
  });
});
