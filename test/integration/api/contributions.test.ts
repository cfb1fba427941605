/**
 * Contributions as councils make them, through the tab's API on the whole app in local mode (the demo
 * format's rules, the real store on the emulator, the outbox and the document library):
 * - approvals start with two sections to follow; the approval cards list them; the decision is refused
 *   until they land; the frozen document shows the placeholders; landing re-opens only what the stages'
 *   rules say, and the re-opened card says what changed since that person approved;
 * - a section from outside the council is chased by its officer (the reminder is in the officer's
 *   outbox), shown on the dashboard, entered by that officer, and audited on whose behalf;
 * - a joint foreword is submitted only when both authors have acted, and the dashboard names both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStemOf } from '../../../src/adapters/documents/plan-renderer.js';
import { demoPeople, managementTeamGroup } from '../../../src/local/demo/people.js';
import type {
  AcceptSectionsDto,
  ApiErrorBody,
  PlanViewDto,
  SectionDto,
  StageChangesDto,
} from '../../../src/shared/api.js';
import { createPlan, fillRequiredHeader } from '../../support/tab-plans.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';

let tab: TabServer;
beforeAll(async () => {
  tab = await startTabServer();
});
afterAll(() => tab?.close());

const leadId = demoPeople.planLead.id;
const lead = () => tab.as(leadId);
const p = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const errorOf = (body: unknown) => (body as ApiErrorBody).error;

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

const read = (planId: string) => ok(lead()<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
const sectionPath = (planId: string, key: string) =>
  `/api/plans/${planId}/sections/${encodeURIComponent(key)}`;

async function bindDemoRoles(planId: string): Promise<void> {
  const roles: Record<string, readonly string[]> = {
    'report-author': [leadId],
    'accountable-director': [demoPeople.director.id],
    'chief-finance-officer': [demoPeople.financeOfficer.id],
    'monitoring-officer': [demoPeople.monitoringOfficer.id],
    'management-team': managementTeamGroup.memberIds,
    'portfolio-holder': [demoPeople.portfolioHolder.id],
  };
  for (const [role, personIds] of Object.entries(roles))
    await ok(lead()('PUT', `/api/plans/${planId}/roles/${role}`, { personIds }), `bind ${role}`);
}

/** Written and submitted by its owner (the plan lead where nobody owns it). */
async function writeAndSubmit(planId: string, key: string, text: string): Promise<void> {
  const plan = await read(planId);
  const section = plan.sections.find((s) => s.key === key)!;
  const owner = section.ownerId ?? leadId;
  if (section.ownerId === null)
    await ok(
      lead()('POST', `${sectionPath(planId, key)}/assign`, {
        ownerId: owner,
        contributorIds: [],
        dueDate: null,
      }),
      'assign',
    );
  await ok(
    tab.as(owner)('PUT', sectionPath(planId, key), { baseRevision: section.revision, content: p(text) }),
    `write ${key}`,
  );
  await ok(tab.as(owner)('POST', `${sectionPath(planId, key)}/submit`), `submit ${key}`);
}

/** Every waiting approver of the open stage approves until it closes. */
async function approveOpenStage(planId: string): Promise<string> {
  const plan = await read(planId);
  const open = plan.stages.find((s) => s.state === 'open' && s.kind !== 'decision');
  if (!open) throw new Error('no open stage');
  for (const approverId of open.tally!.waiting) {
    const now = (await read(planId)).stages.find((s) => s.key === open.key)!;
    if (now.state !== 'open') break;
    await ok(
      tab.as(approverId)('POST', `/api/plans/${planId}/stages/${open.key}/respond`, {
        decision: 'approve',
        comment: null,
        versionHash: now.boundHash,
      }),
      `respond ${open.key}`,
    );
  }
  return open.key;
}

const decision = (versionHash: string) => ({
  meetingBody: 'Cabinet',
  meetingDate: '2030-07-09',
  minuteReference: 'CAB 30/07',
  callInEndsOn: null,
  outcome: 'approved',
  versionHash,
});

async function frozenHtml(planId: string, version: number, title: string): Promise<string> {
  const documents = tab.app.publishing.documents;
  const found = await documents.find(
    `Plans/${planId}/v${version}/frozen/${fileStemOf(`Demo Borough Council ${title}`)}.html`,
  );
  expect(found, 'the frozen copy is in the library').not.toBeNull();
  return new TextDecoder().decode((await documents.get(found!.id))!.bytes);
}

describe('sections to follow', () => {
  it('approvals start without them; the cards list them; the decision waits for them; the document shows placeholders', async () => {
    const title = 'Productivity Plan: two to follow';
    const planId = await createPlan(tab, leadId, title);
    await bindDemoRoles(planId);
    const awaited: [string, string, string | null][] = [
      ['foreword', 'the Leader of the Council', '2030-06-20'],
      ['implications.health', 'the Director of Public Health', null],
    ];
    for (const [key, from, by] of awaited) {
      const marked = await ok(
        lead()<SectionDto>('PUT', `${sectionPath(planId, key)}/to-follow`, { from, by }),
        'mark',
      );
      expect(marked.contribution.toFollow).toEqual({ from, by });
    }
    const refused = await tab.as(demoPeople.digitalLead.id)(
      'PUT',
      `${sectionPath(planId, 'context')}/to-follow`,
      {
        from: 'x',
        by: null,
      },
    );
    expect(refused.status).toBe(403);

    // Everything else written, submitted, and accepted in one go from the dashboard.
    for (const section of (await read(planId)).sections) {
      if (!section.required || section.contribution.toFollow) continue;
      await writeAndSubmit(planId, section.key, `${section.title}: written.`);
    }
    const submitted = (await read(planId)).sections.filter((s) => s.status === 'submitted').map((s) => s.key);
    const accepted = await ok(
      lead()<AcceptSectionsDto>('POST', `/api/plans/${planId}/sections/accept`, { sectionKeys: submitted }),
      'accept all',
    );
    expect(accepted.refused).toEqual([]);
    expect(accepted.accepted).toHaveLength(submitted.length);

    await fillRequiredHeader(tab, planId, demoPeople.planLead.id);
    const started = await ok(
      lead()<PlanViewDto>('POST', `/api/plans/${planId}/approvals/start`, {
        delivery: { kind: 'one-to-one' },
      }),
      'start',
    );
    const first = started.stages.find((s) => s.state === 'open')!;
    expect(first.key).toBe('implications-sign-off');
    expect(first.reopens).toBe('sections');

    // The approval card each officer is sent lists what is to follow.
    const card = await tab.app.outbox.get(
      `approval/${planId}/${first.key}/1/${demoPeople.financeOfficer.id}`,
    );
    const cardText = JSON.stringify(card?.card);
    expect(cardText).toContain('To follow');
    expect(cardText).toContain('Foreword: awaited from the Leader of the Council by');
    expect(cardText).toContain('Health Issues: awaited from the Director of Public Health');

    // The frozen document approvers read shows where each will go.
    const html = await frozenHtml(planId, 1, title);
    expect(html).toContain('To follow: awaited from the Leader of the Council by 20 June 2030.');
    expect(html).toContain('To follow: awaited from the Director of Public Health.');

    for (let i = 0; i < 3; i++) await approveOpenStage(planId);
    let plan = await read(planId);
    const cabinet = plan.stages.find((s) => s.kind === 'decision')!;
    expect(cabinet.state).toBe('open');
    const early = await lead()(
      'POST',
      `/api/plans/${planId}/stages/${cabinet.key}/decision`,
      decision(cabinet.boundHash!),
    );
    expect(early.status).toBe(409);
    expect(errorOf(early.body)).toMatchObject({ code: 'INVALID_STATE' });
    expect(errorOf(early.body).message).toMatch(/still to follow/);

    // They land. Only the stages whose rules say so re-open: the cabinet member's sign-off and the decision.
    for (const [key] of awaited) await writeAndSubmit(planId, key, `${key}: arrived.`);
    await ok(
      lead()('POST', `/api/plans/${planId}/sections/accept`, { sectionKeys: awaited.map(([k]) => k) }),
      'land',
    );
    plan = await read(planId);
    const state = (key: string) => plan.stages.find((s) => s.key === key)!.state;
    expect(state('implications-sign-off')).toBe('approved');
    expect(state('management-team-endorsement')).toBe('approved');
    expect(state('portfolio-holder-sign-off')).toBe('waiting');
    expect(state('cabinet-decision')).toBe('waiting');

    plan = await ok(
      lead()<PlanViewDto>('POST', `/api/plans/${planId}/approvals/start`, {
        delivery: { kind: 'one-to-one' },
      }),
      'restart',
    );
    const signOff = plan.stages.find((s) => s.key === 'portfolio-holder-sign-off')!;
    expect(signOff).toMatchObject({ state: 'open', boundVersion: 2, round: 2 });
    // The cabinet member's new card, and the tab, say what changed since they approved version 1.
    const again = await tab.app.outbox.get(
      `approval/${planId}/${signOff.key}/2/${demoPeople.portfolioHolder.id}`,
    );
    expect(JSON.stringify(again?.card)).toContain('What changed since you answered on version 1');
    const theirs = await ok(
      tab.as(demoPeople.portfolioHolder.id)<PlanViewDto>('GET', `/api/plans/${planId}`),
      'read',
    );
    expect(theirs.stages.find((s) => s.key === signOff.key)!.changedSince).toEqual({
      version: 1,
      sections: [
        { key: 'foreword', title: 'Foreword' },
        { key: 'implications.health', title: 'Health Issues' },
      ],
      otherChanges: false,
    });
    const diff = await ok(
      tab.as(demoPeople.portfolioHolder.id)<StageChangesDto>(
        'GET',
        `/api/plans/${planId}/stages/${signOff.key}/changes`,
      ),
      'changes',
    );
    expect(diff).toMatchObject({ sinceVersion: 1, currentVersion: 2, textAvailable: true });
    expect(diff.sections.find((s) => s.key === 'foreword')!.diff).toEqual([
      { op: 'removed', text: 'To follow: awaited from the Leader of the Council by 20 June 2030.' },
      { op: 'added', text: 'foreword: arrived.' },
    ]);

    await approveOpenStage(planId);
    plan = await read(planId);
    const ready = plan.stages.find((s) => s.kind === 'decision')!;
    await ok(
      lead()('POST', `/api/plans/${planId}/stages/${ready.key}/decision`, decision(ready.boundHash!)),
      'decide',
    );
    expect((await read(planId)).status).toBe('decided');
  });
});

describe('text from outside the council', () => {
  it('is chased by its officer, shown on the dashboard, entered by them and audited on whose behalf', async () => {
    const planId = await createPlan(tab, leadId, 'Productivity Plan: outside text');
    const today = tab.app.clock.now().slice(0, 10);
    const officer = demoPeople.director.id;
    const party = {
      organisation: 'County Chief Executives Group',
      contactName: 'Jane Smith',
      email: 'jane@county.example',
    };
    const assigned = await ok(
      lead()<SectionDto>('POST', `${sectionPath(planId, 'context')}/assign`, {
        ownerId: officer,
        contributorIds: [],
        dueDate: today,
        outsideParty: party,
      }),
      'assign',
    );
    expect(assigned.contribution.outsideParty).toEqual(party);
    const bad = await lead()('POST', `${sectionPath(planId, 'context')}/assign`, {
      ownerId: officer,
      contributorIds: [],
      dueDate: today,
      outsideParty: { ...party, email: 'jane at county' },
    });
    expect(bad.status).toBe(400);

    // Dashboard: who it is awaited from, and who chases it.
    const dashboard = await read(planId);
    const context = dashboard.sections.find((s) => s.key === 'context')!;
    expect(context.ownerId).toBe(officer);
    expect(context.contribution.outsideParty?.organisation).toBe('County Chief Executives Group');
    expect(dashboard.people[officer]?.displayName).toBe(demoPeople.director.displayName);

    // The officer's assignment card and today's reminder are in their outbox, saying whom to chase.
    const assignment = await tab.app.outbox.get(`assigned/${planId}/context/${officer}/${today}`);
    expect(assignment?.recipient).toEqual({ kind: 'user', userId: officer });
    expect(JSON.stringify(assignment?.card)).toContain('Awaited from County Chief Executives Group');
    await tab.app.remind();
    const reminder = await tab.app.outbox.get(`reminder/${planId}/context/${officer}/${today}/${today}`);
    expect(reminder?.recipient).toEqual({ kind: 'user', userId: officer });
    expect(JSON.stringify(reminder?.card)).toContain('You chase them for it and enter their text');

    // The officer enters the text; the audit log says on whose behalf.
    await ok(
      tab.as(officer)('PUT', sectionPath(planId, 'context'), {
        baseRevision: 0,
        content: p('The group’s paragraph.'),
      }),
      'enter',
    );
    const audit = await tab.app.store.auditLog(planId);
    expect(audit.at(-1)).toMatchObject({
      actorId: officer,
      command: 'editSection',
      onBehalfOf: 'County Chief Executives Group (Jane Smith, jane@county.example)',
    });
  });
});

describe('joint authors', () => {
  it('a joint foreword is submitted only when both have acted, and the dashboard names both', async () => {
    const planId = await createPlan(tab, leadId, 'Productivity Plan: joint foreword');
    const leader = demoPeople.chiefExecutive.id;
    const chair = demoPeople.portfolioHolder.id;
    await ok(
      lead()('POST', `${sectionPath(planId, 'foreword')}/assign`, {
        ownerId: leader,
        contributorIds: [chair],
        dueDate: null,
        jointAuthors: true,
      }),
      'assign',
    );
    // Each author gets their card.
    for (const id of [leader, chair])
      expect((await tab.app.outbox.get(`assigned/${planId}/foreword/${id}/no-date`))?.recipient).toEqual({
        kind: 'user',
        userId: id,
      });
    await ok(
      tab.as(leader)('PUT', sectionPath(planId, 'foreword'), {
        baseRevision: 0,
        content: p('From us both.'),
      }),
      'write',
    );
    const half = await ok(
      tab.as(leader)<SectionDto>('POST', `${sectionPath(planId, 'foreword')}/submit`),
      'agree',
    );
    expect(half.status).toBe('drafting');
    expect(half.contribution.jointAuthors).toEqual([
      { id: leader, agreed: true },
      { id: chair, agreed: false },
    ]);
    const dashboard = await read(planId);
    const foreword = dashboard.sections.find((s) => s.key === 'foreword')!;
    expect(foreword.contribution.jointAuthors?.map((a) => dashboard.people[a.id]?.displayName)).toEqual([
      demoPeople.chiefExecutive.displayName,
      demoPeople.portfolioHolder.displayName,
    ]);
    // The other author hears that their agreement is awaited.
    const nudge = await tab.app.outbox.get(`agreed/${planId}/foreword/1/${leader}/${chair}`);
    expect(nudge?.recipient).toEqual({ kind: 'user', userId: chair });

    const done = await ok(
      tab.as(chair)<SectionDto>('POST', `${sectionPath(planId, 'foreword')}/submit`),
      'agree',
    );
    expect(done.status).toBe('submitted');
  });
});

describe('"None" and accepting together', () => {
  it('completes as the format wording in one step, refuses over newer text, and accepts several with one audit entry each', async () => {
    const planId = await createPlan(tab, leadId, 'Productivity Plan: none');
    const keys = ['implications.risk-management', 'implications.staffing', 'implications.equality'];
    for (const key of keys)
      await ok(
        lead()('POST', `${sectionPath(planId, key)}/assign`, {
          ownerId: demoPeople.hrLead.id,
          contributorIds: [],
          dueDate: null,
        }),
        'assign',
      );
    for (const key of keys) {
      const done = await ok(
        tab.as(demoPeople.hrLead.id)<SectionDto>('POST', `${sectionPath(planId, key)}/none`, {
          baseRevision: 0,
        }),
        'none',
      );
      expect(done).toMatchObject({
        status: 'submitted',
        content: p('There are no specific implications arising from this report.'),
      });
    }
    await ok(
      lead()('POST', `${sectionPath(planId, 'implications.health')}/assign`, {
        ownerId: demoPeople.hrLead.id,
        contributorIds: [],
        dueDate: null,
      }),
      'assign',
    );
    await ok(
      tab.as(demoPeople.hrLead.id)('PUT', sectionPath(planId, 'implications.health'), {
        baseRevision: 0,
        content: p('Real text.'),
      }),
      'write',
    );
    const stale = await tab.as(demoPeople.hrLead.id)(
      'POST',
      `${sectionPath(planId, 'implications.health')}/none`,
      { baseRevision: 0 },
    );
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body).code).toBe('STALE_VERSION');

    const before = (await tab.app.store.auditLog(planId)).length;
    const accepted = await ok(
      lead()<AcceptSectionsDto>('POST', `/api/plans/${planId}/sections/accept`, {
        sectionKeys: [...keys, 'implications.health'],
      }),
      'accept',
    );
    expect(accepted.accepted).toEqual(keys);
    expect(accepted.refused).toEqual([
      { sectionKey: 'implications.health', message: '"Health Issues" has not been submitted yet.' },
    ]);
    const entries = (await tab.app.store.auditLog(planId)).slice(before);
    expect(entries.map((e) => e.summary)).toEqual([
      'Accepted "Risk Management"',
      'Accepted "Staffing Issues"',
      'Accepted "Corporate Policy and Equality Impact"',
    ]);
    const notLead = await tab.as(demoPeople.hrLead.id)('POST', `/api/plans/${planId}/sections/accept`, {
      sectionKeys: keys,
    });
    expect(notLead.status).toBe(403);
    const empty = await lead()('POST', `/api/plans/${planId}/sections/accept`, { sectionKeys: [] });
    expect(empty.status).toBe(400);
  });
});
