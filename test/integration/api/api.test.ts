/** The tab's API over HTTP in local mode: routes over the use cases, validation and the error mapping. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../../src/local/demo/seed.js';
import type {
  ApiErrorBody,
  PlanCreatedDto,
  PlanListItemDto,
  PlanViewDto,
  SectionDto,
  SessionInfo,
  StaleSectionDetails,
  VersionDto,
} from '../../../src/shared/api.js';
import { acceptEverySection, createPlan } from '../../support/tab-plans.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';

let tab: TabServer;
beforeAll(async () => {
  tab = await startTabServer();
});
afterAll(() => tab?.close());

const lead = () => tab.as(demoPeople.planLead.id);
const owner = () => tab.as(demoPeople.digitalLead.id);
const contributor = () => tab.as(demoPeople.hrLead.id);
const stranger = () => tab.as(demoPeople.deputy.id);

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const errorOf = (body: unknown) => (body as ApiErrorBody).error;

async function newPlan(title = 'Productivity Plan 2024'): Promise<string> {
  const created = await lead()<PlanCreatedDto>('POST', '/api/plans', {
    templateId: 'dluhc-productivity-plan-2024',
    reportFormatId: 'demo-borough-cabinet',
    title,
    dates: { submissionDeadline: '2030-07-19', decisionMeeting: { body: 'Cabinet', date: '2030-07-09' } },
  });
  expect(created.status).toBe(201);
  return created.body.planId;
}

describe('the tab API: identity', () => {
  it('tells the tab how to sign in without any identity', async () => {
    const session = await tab.call<SessionInfo>('GET', '/api/session');
    expect(session.body).toEqual({ mode: 'local', devIdentity: true, autosaveSeconds: 10 });
    const people = await tab.call<{ people: { id: string }[] }>('GET', '/api/dev/people');
    expect(people.body.people.map((p) => p.id)).toContain(demoPeople.planLead.id);
  });

  it('answers 401 with a code to a request with no identity, or an unknown one', async () => {
    const none = await tab.call('GET', '/api/plans');
    expect(none.status).toBe(401);
    expect(errorOf(none.body).code).toBe('UNAUTHENTICATED');
    const unknown = await tab.as('d0000000-0000-4000-8000-999999999999')('GET', '/api/plans');
    expect(unknown.status).toBe(401);
    expect(errorOf(unknown.body).message).toMatch(/nobody with id/);
  });

  it('names the person acting', async () => {
    const me = await lead()<{ person: { displayName: string }; via: string }>('GET', '/api/me');
    expect(me.body).toMatchObject({ person: { displayName: 'Priya Shah' }, via: 'dev' });
  });
});

describe('the tab API: plans and sections', () => {
  it('lists plans and the catalog', async () => {
    const plans = await lead()<{ plans: PlanListItemDto[] }>('GET', '/api/plans');
    expect(plans.body.plans).toContainEqual(
      expect.objectContaining({ id: DEMO_PLAN_ID, leadName: 'Priya Shah' }),
    );
    const catalog = await lead()<{ templates: { id: string }[]; reportFormats: { id: string }[] }>(
      'GET',
      '/api/catalog',
    );
    expect(catalog.body.templates.map((t) => t.id)).toContain('dluhc-productivity-plan-2024');
    expect(catalog.body.reportFormats.map((f) => f.id)).toContain('demo-borough-cabinet');
  });

  it('creates a plan, assigns, edits, submits and accepts a section, and the dashboard follows', async () => {
    const planId = await newPlan();
    const before = await lead()<PlanViewDto>('GET', `/api/plans/${planId}`);
    expect(before.status).toBe(200);
    expect(before.body.isLead).toBe(true);
    expect(before.body.pages.pages).toBe(0);
    const themeBefore = before.body.coverage.byTheme.find((t) => t.theme === 2)!;

    const key = 'theme-2-technology-and-data';
    const assigned = await lead()<SectionDto>('POST', `/api/plans/${planId}/sections/${key}/assign`, {
      ownerId: demoPeople.digitalLead.id,
      contributorIds: [demoPeople.hrLead.id],
      dueDate: '2030-06-20',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ ownerId: demoPeople.digitalLead.id, dueDate: '2030-06-20' });
    expect(assigned.body.people[demoPeople.digitalLead.id]?.displayName).toBe('Grace Lin');

    const section = await owner()<SectionDto>('GET', `/api/plans/${planId}/sections/${key}`);
    expect(section.body.canEdit).toBe(true);
    const question = section.body.promptQuestions[0]!.id;
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const edited = await owner()<SectionDto>('PUT', `/api/plans/${planId}/sections/${key}`, {
      baseRevision: section.body.revision,
      content: [paragraph(words)],
      promptAnswers: { [question]: { state: 'answered' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ revision: 1, words: 400, status: 'drafting' });
    expect(edited.body.lastEdit?.by).toBe(demoPeople.digitalLead.id);

    expect((await owner()('POST', `/api/plans/${planId}/sections/${key}/submit`)).status).toBe(200);
    const notLead = await owner()('POST', `/api/plans/${planId}/sections/${key}/accept`);
    expect(notLead.status).toBe(403);
    expect(errorOf(notLead.body).code).toBe('NOT_ALLOWED');
    const accepted = await lead()<SectionDto>('POST', `/api/plans/${planId}/sections/${key}/accept`);
    expect(accepted.body.status).toBe('accepted');

    const after = await lead()<PlanViewDto>('GET', `/api/plans/${planId}`);
    expect(after.body.pages.pages).toBeGreaterThan(0);
    expect(after.body.pages.words).toBe(400);
    const themeAfter = after.body.coverage.byTheme.find((t) => t.theme === 2)!;
    expect(themeAfter.answered).toBe(themeBefore.answered + 1);
    expect(after.body.sections.find((s) => s.key === key)).toMatchObject({ status: 'accepted', words: 400 });
  });

  it('refuses an edit by someone who is neither owner nor contributor (403 NOT_ALLOWED)', async () => {
    const planId = await newPlan();
    const key = 'theme-1-transformation';
    await lead()('POST', `/api/plans/${planId}/sections/${key}/assign`, {
      ownerId: demoPeople.digitalLead.id,
      contributorIds: [],
      dueDate: null,
    });
    const refused = await stranger()('PUT', `/api/plans/${planId}/sections/${key}`, {
      baseRevision: 0,
      content: [paragraph('Not mine to write')],
    });
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body).code).toBe('NOT_ALLOWED');
    const kept = await lead()<SectionDto>('GET', `/api/plans/${planId}/sections/${key}`);
    expect(kept.body.content).toEqual([]);
  });

  it('answers a stale edit with 409 and the version it ran into, keeping the first writer’s text', async () => {
    const planId = await newPlan();
    const key = 'theme-3-reducing-waste';
    await lead()('POST', `/api/plans/${planId}/sections/${key}/assign`, {
      ownerId: demoPeople.digitalLead.id,
      contributorIds: [demoPeople.hrLead.id],
      dueDate: null,
    });
    const first = await owner()('PUT', `/api/plans/${planId}/sections/${key}`, {
      baseRevision: 0,
      content: [paragraph('Written first by the owner')],
    });
    expect(first.status).toBe(200);
    const second = await contributor()('PUT', `/api/plans/${planId}/sections/${key}`, {
      baseRevision: 0,
      content: [paragraph('Written from the old copy')],
    });
    expect(second.status).toBe(409);
    const error = errorOf(second.body);
    expect(error.code).toBe('STALE_VERSION');
    const details = error.details as unknown as StaleSectionDetails;
    expect(details.revision).toBe(1);
    expect(details.lastEdit?.by).toBe(demoPeople.digitalLead.id);
    expect(details.current.content).toEqual([paragraph('Written first by the owner')]);
    expect(details.current.people[demoPeople.digitalLead.id]?.displayName).toBe('Grace Lin');
  });

  it('maps refusals: unknown plan 404, unknown section 404, accepting an unsubmitted section 409', async () => {
    const missing = await lead()('GET', '/api/plans/no-such-plan');
    expect(missing.status).toBe(404);
    expect(errorOf(missing.body).code).toBe('NOT_FOUND');
    const noSection = await lead()('GET', `/api/plans/${DEMO_PLAN_ID}/sections/no-such-section`);
    expect(noSection.status).toBe(404);
    const notSubmitted = await lead()('POST', `/api/plans/${DEMO_PLAN_ID}/sections/kpis/accept`);
    expect(notSubmitted.status).toBe(409);
    expect(errorOf(notSubmitted.body).code).toBe('INVALID_STATE');
    const noRoute = await lead()('GET', '/api/nothing-here');
    expect(noRoute.status).toBe(404);
  });

  it('shows what needs the person’s action', async () => {
    const plan = await lead()<PlanViewDto>('GET', `/api/plans/${DEMO_PLAN_ID}`);
    expect(plan.body.needsMyAction).toContainEqual(
      expect.objectContaining({ kind: 'review', sectionKey: 'context' }),
    );
    const digital = await owner()<PlanViewDto>('GET', `/api/plans/${DEMO_PLAN_ID}`);
    expect(digital.body.isLead).toBe(false);
    expect(digital.body.needsMyAction).toEqual([
      expect.objectContaining({ kind: 'write', sectionKey: 'theme-2-technology-and-data' }),
    ]);
  });

  it('describes the version approvers are asked about, and says when a version is unknown', async () => {
    // The demo plan has not gone round for approval, so it has no numbered version yet.
    const draft = await lead()('GET', `/api/plans/${DEMO_PLAN_ID}/versions/1`);
    expect(draft.status).toBe(404);
    const planId = await createPlan(tab, demoPeople.planLead.id, 'Versions');
    await acceptEverySection(tab, planId, demoPeople.planLead.id);
    expect(
      (await lead()('POST', `/api/plans/${planId}/approvals/start`, { delivery: { kind: 'one-to-one' } }))
        .status,
    ).toBe(200);
    const plan = await lead()<PlanViewDto>('GET', `/api/plans/${planId}`);
    expect(plan.body.contentVersion).toBe(1);
    const current = await lead()<VersionDto>('GET', `/api/plans/${planId}/versions/1`);
    expect(current.body).toMatchObject({ isCurrent: true, hash: plan.body.versionHash });
    expect(current.body.sections?.map((s) => s.key)).toContain('context');
    const future = await lead()('GET', `/api/plans/${planId}/versions/2`);
    expect(future.status).toBe(404);
  });

  it('lets the lead change the dates (and only the lead), and the timeline follows', async () => {
    const planId = await newPlan();
    const changed = await lead()<PlanViewDto>('PUT', `/api/plans/${planId}/dates`, {
      decisionMeeting: { body: 'Cabinet', date: '2030-07-16' },
      managementTeamMeeting: '2030-06-24',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.dates).toMatchObject({
      submissionDeadline: '2030-07-19',
      decisionMeeting: { body: 'Cabinet', date: '2030-07-16' },
      managementTeamMeeting: '2030-06-24',
    });
    expect(changed.body.timeline.entries).toContainEqual(
      expect.objectContaining({ key: 'decision-meeting', date: '2030-07-16' }),
    );
    const refused = await owner()('PUT', `/api/plans/${planId}/dates`, { keyDecision: false });
    expect(refused.status).toBe(403);
    const invalid = await lead()('PUT', `/api/plans/${planId}/dates`, { submissionDeadline: '2030-02-30' });
    expect(invalid.status).toBe(400);
  });

  it('names the holders of a role, so the stages that need them can open', async () => {
    const planId = await newPlan();
    const before = await lead()<PlanViewDto>('GET', `/api/plans/${planId}`);
    expect(before.body.stages[1]!.rule).toMatch(/nobody is named for it yet/);
    const bound = await lead()<PlanViewDto>('PUT', `/api/plans/${planId}/roles/management-team`, {
      personIds: [demoPeople.chiefExecutive.id, demoPeople.financeOfficer.id, demoPeople.director.id],
    });
    expect(bound.status).toBe(200);
    expect(bound.body.stages[1]!.rule).toMatch(/3 named so far/);
    const unknownRole = await lead()('PUT', `/api/plans/${planId}/roles/astrologer`, { personIds: [] });
    expect(unknownRole.status).toBe(400);
    const notLead = await owner()('PUT', `/api/plans/${planId}/roles/management-team`, { personIds: [] });
    expect(notLead.status).toBe(403);
  });

  it('refuses a decision that is malformed (400) or not awaited (409)', async () => {
    const decision = {
      meetingBody: 'Cabinet',
      meetingDate: '2030-07-16',
      minuteReference: 'CAB/2030/12',
      callInEndsOn: null,
      outcome: 'approved',
      versionHash: 'abc',
    };
    const malformed = await lead()('POST', `/api/plans/${DEMO_PLAN_ID}/stages/cabinet-decision/decision`, {
      ...decision,
      outcome: 'waved through',
    });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).message).toMatch(/outcome/);
    const early = await lead()(
      'POST',
      `/api/plans/${DEMO_PLAN_ID}/stages/cabinet-decision/decision`,
      decision,
    );
    expect(early.status).toBe(409);
    expect(errorOf(early.body).code).toBe('INVALID_STATE');
  });

  it('searches the directory for pickers', async () => {
    const found = await lead()<{ people: { displayName: string }[] }>('GET', '/api/people?search=gra');
    expect(found.body.people.map((p) => p.displayName)).toEqual(['Grace Lin']);
  });
});

describe('the tab API: request validation and limits', () => {
  it('names the fields that are wrong', async () => {
    const bad = await lead()('POST', `/api/plans/${DEMO_PLAN_ID}/sections/kpis/assign`, {
      ownerId: '',
      contributorIds: 'everyone',
      dueDate: '12/07/2030',
      extra: true,
    });
    expect(bad.status).toBe(400);
    const error = errorOf(bad.body);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/ownerId/);
    expect(error.message).toMatch(/contributorIds/);
    expect(error.message).toMatch(/dueDate/);
  });

  it('refuses malformed JSON with 400', async () => {
    const bad = await tab.call('POST', '/api/plans', {
      rawBody: '{"title": ',
      headers: { 'x-pb-dev-user': demoPeople.planLead.id },
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).code).toBe('VALIDATION');
  });

  it('refuses a body over the limit with 413 and says what to do', async () => {
    const huge = 'x'.repeat(400 * 1024);
    const answer = await owner()('PUT', `/api/plans/${DEMO_PLAN_ID}/sections/theme-2-technology-and-data`, {
      baseRevision: 0,
      content: [paragraph(huge)],
    });
    expect(answer.status).toBe(413);
    expect(errorOf(answer.body)).toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/Shorten/),
    });
  });

  it('refuses content too long to store with 400, under the body limit', async () => {
    const long = 'word '.repeat(14_000);
    const answer = await owner()('PUT', `/api/plans/${DEMO_PLAN_ID}/sections/theme-2-technology-and-data`, {
      baseRevision: 0,
      content: [paragraph(long)],
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body).message).toMatch(/too long to store/);
  });
});

describe('the tab API: SharePoint unavailable', () => {
  it('answers 503 with Retry-After and a code when Graph keeps failing, and recovers after', async () => {
    // A read the server's plan cache can answer still succeeds; a save must reach SharePoint.
    tab.app.emulator!.faults.set([{ status: 503, share: 1, retryAfterSeconds: 0 }]);
    try {
      const answer = await owner()('PUT', `/api/plans/${DEMO_PLAN_ID}/sections/theme-2-technology-and-data`, {
        baseRevision: 0,
        content: [paragraph('Written while SharePoint is down.')],
      });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(errorOf(answer.body)).toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/try again/),
      });
    } finally {
      tab.app.emulator!.faults.clear();
    }
    expect((await lead()('GET', `/api/plans/${DEMO_PLAN_ID}`)).status).toBe(200);
  });
});

describe('the tab API: a flood from one person', () => {
  it('is answered 429 with Retry-After past the budget, and other people are not affected', async () => {
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 400 }, () => stranger()('GET', '/api/me')));
    const seconds = (performance.now() - started) / 1000;
    const limited = answers.filter((a) => a.status === 429);
    const allowed = answers.filter((a) => a.status === 200);
    // The budget is 200 at once and 20 a second: never more allowed than that, however fast the machine.
    expect(allowed.length + limited.length).toBe(400);
    expect(allowed.length).toBeLessThanOrEqual(200 + Math.ceil(seconds * 20) + 1);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited[0]!.body).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    expect((await lead()('GET', '/api/me')).status).toBe(200);
  });
});
