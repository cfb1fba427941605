/**
 * The decision and publication routes follow the council's governance, over HTTP in local mode: the end
 * of call-in is worked out when the lead leaves it empty, publication during call-in is refused (409)
 * unless the council's urgency rule is used with a reason, the dashboard says when call-in ends, and a
 * committee's decision stage refuses what it does not allow (400, naming the allowed outcomes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../src/domain/dates/calendar.js';
import { demoPeople, managementTeamGroup } from '../../../src/local/demo/people.js';
import type { ApiErrorBody, PlanCreatedDto, PlanViewDto } from '../../../src/shared/api.js';
import type { PublishedDto, SubmissionChecksDto } from '../../../src/shared/kpi-api.js';
import { acceptEverySection } from '../../support/tab-plans.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';

let tab: TabServer;
const LEAD = demoPeople.planLead.id;
const lead = () => tab.as(LEAD);
const errorOf = (body: unknown) => (body as ApiErrorBody).error;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  tab = await startTabServer();
}, 120_000);
afterAll(() => tab?.close());

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

/** A plan in the format, its people named, every stage before the decision approved. */
async function atDecision(
  reportFormatId: string,
  roles: Record<string, readonly string[]>,
): Promise<PlanViewDto> {
  const { planId } = await ok(
    lead()<PlanCreatedDto>('POST', '/api/plans', {
      templateId: 'dluhc-productivity-plan-2024',
      reportFormatId,
      title: `Productivity Plan (${reportFormatId})`,
    }),
    'create',
  );
  await acceptEverySection(tab, planId, LEAD);
  for (const [role, personIds] of Object.entries(roles))
    await ok(lead()('PUT', `/api/plans/${planId}/roles/${role}`, { personIds }), `bind ${role}`);
  await ok(
    lead()('POST', `/api/plans/${planId}/approvals/start`, { delivery: { kind: 'one-to-one' } }),
    'start',
  );
  for (let guard = 0; guard < 20; guard++) {
    const plan = await ok(lead()<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
    const open = plan.stages.find((s) => s.state === 'open');
    if (!open) throw new Error('no open stage');
    if (open.kind === 'decision') return plan;
    const approverId = open.approverIds.find(
      (id) => !open.responses.some((r) => r.round === open.round && r.approverId === id),
    );
    await ok(
      tab.as(approverId!)('POST', `/api/plans/${planId}/stages/${open.key}/respond`, {
        decision: 'approve',
        comment: null,
        versionHash: plan.versionHash,
      }),
      `respond ${open.key}`,
    );
  }
  throw new Error('no decision stage reached');
}

describe('an executive council with call-in and an urgency rule (Ashcombe)', () => {
  let plan: PlanViewDto;

  beforeAll(async () => {
    plan = await atDecision('ashcombe-borough-cabinet', {
      'report-author': [LEAD],
      'chief-executive': [demoPeople.chiefExecutive.id],
      'chief-finance-officer': [demoPeople.financeOfficer.id],
      'monitoring-officer': [demoPeople.monitoringOfficer.id],
      'management-team': managementTeamGroup.memberIds,
      'portfolio-holder': [demoPeople.portfolioHolder.id],
    });
  }, 120_000);

  it('offers the outcomes the Cabinet stage allows and says call-in applies', () => {
    const stage = plan.stages.find((s) => s.kind === 'decision')!;
    expect(stage.decisionBody).toBe('Cabinet');
    expect(stage.outcomes?.map((o) => [o.value, o.publishable])).toEqual([
      ['noted-and-approved-for-publication', true],
      ['approved-with-amendments', true],
      ['noted', false],
      ['deferred', false],
      ['rejected', false],
    ]);
    expect(plan.governance).toMatchObject({
      model: 'executive',
      callInApplies: true,
      callInUrgency: 'the Chair of the Overview and Scrutiny Committee',
      callInRule: 'Call-in period ends 5 working days after the decision notice is published',
    });
  });

  it('refuses an outcome the stage does not allow, naming those it does', async () => {
    const refused = await lead()('POST', `/api/plans/${plan.id}/decision`, {
      meetingBody: 'Cabinet',
      meetingDate: addCalendarDays(today, -1),
      minuteReference: 'CAB 1',
      callInEndsOn: null,
      outcome: 'approved',
      versionHash: plan.versionHash,
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body)).toMatchObject({
      code: 'VALIDATION',
      details: {
        allowed: [
          'noted-and-approved-for-publication',
          'approved-with-amendments',
          'noted',
          'deferred',
          'rejected',
        ],
      },
    });
  });

  it('works out the end of call-in, shows it, and refuses publication until then (409) unless urgency is recorded', async () => {
    const decided = await ok(
      lead()<PlanViewDto>('POST', `/api/plans/${plan.id}/decision`, {
        meetingBody: 'Cabinet',
        meetingDate: addCalendarDays(today, -1),
        minuteReference: 'CAB 24/55',
        callInEndsOn: null,
        outcome: 'noted-and-approved-for-publication',
        versionHash: plan.versionHash,
      }),
      'decision',
    );
    const ends = decided.decision?.callInEndsOn;
    // A decision notice within 2 working days, then 5 working days: at least 7 days after the meeting.
    expect(ends! >= addCalendarDays(today, 6)).toBe(true);
    expect(decided.callIn).toEqual({ endsOn: ends, open: true });
    expect(decided.timeline.entries.find((e) => e.key === 'call-in-ends')).toMatchObject({
      date: ends,
      origin: 'set',
    });

    const refused = await lead()('POST', `/api/plans/${plan.id}/publish`);
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body)).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'CALL_IN_OPEN', callInEndsOn: ends },
    });
    expect(errorOf(refused.body).message).toMatch(
      /open to call-in until the end of .*unless the Chair of the Overview and Scrutiny Committee agrees it is urgent/,
    );

    const noReason = await lead()('POST', `/api/plans/${plan.id}/publish`, {
      callInOverride: { reason: ' ' },
    });
    expect(noReason.status).toBe(400);

    const reason = 'The Chair of Overview and Scrutiny agreed the deadline cannot wait';
    const published = await ok(
      lead()<PublishedDto>('POST', `/api/plans/${plan.id}/publish`, { callInOverride: { reason } }),
      'urgent publication',
    );
    expect(published.plan.publication?.callInOverride).toMatchObject({
      reason,
      agreedBy: 'the Chair of the Overview and Scrutiny Committee',
      callInEndsOn: ends,
      recordedBy: LEAD,
    });
    const checks = await ok(
      lead()<SubmissionChecksDto>('GET', `/api/plans/${plan.id}/submission-checks`),
      'checks',
    );
    expect(checks.checks.find((c) => c.key === 'call-in')).toMatchObject({ passed: true, blocking: true });
  });
});

describe('a committee-system council (Fenmarsh)', () => {
  let plan: PlanViewDto;

  beforeAll(async () => {
    plan = await atDecision('fenmarsh-governance-and-resources', {
      'report-author': [LEAD],
      'lead-head-of-service': [demoPeople.director.id],
      'chief-finance-officer': [demoPeople.financeOfficer.id],
      'monitoring-officer': [demoPeople.monitoringOfficer.id],
      'chief-executive': [demoPeople.chiefExecutive.id],
      'management-team': managementTeamGroup.memberIds,
      'committee-chair': [demoPeople.portfolioHolder.id],
    });
  }, 120_000);

  const decision = (overrides: Record<string, unknown>) => ({
    meetingBody: 'Governance and Resources Committee',
    meetingDate: addCalendarDays(today, -1),
    minuteReference: 'GR 7',
    callInEndsOn: null,
    outcome: 'approved',
    versionHash: plan.versionHash,
    ...overrides,
  });

  it('says no call-in applies, and refuses an end of call-in', async () => {
    expect(plan.governance).toMatchObject({
      model: 'committee',
      callInApplies: false,
      callInRule: null,
      callInUrgency: null,
    });
    const stage = plan.stages.find((s) => s.kind === 'decision')!;
    const refused = await lead()(
      'POST',
      `/api/plans/${plan.id}/stages/${stage.key}/decision`,
      decision({ callInEndsOn: today }),
    );
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body).message).toBe(
      'Committee decisions are not called in: leave the end of the call-in period empty.',
    );
  });

  it('keeps a deferred plan awaiting the decision, then publishes on approval at once', async () => {
    const stage = plan.stages.find((s) => s.kind === 'decision')!;
    const deferred = await ok(
      lead()<PlanViewDto>(
        'POST',
        `/api/plans/${plan.id}/stages/${stage.key}/decision`,
        decision({ outcome: 'deferred', meetingDate: addCalendarDays(today, -8) }),
      ),
      'defer',
    );
    expect(deferred.status).toBe('awaiting-decision');
    expect(deferred.decision).toMatchObject({ outcome: 'deferred' });
    const approved = await ok(
      lead()<PlanViewDto>('POST', `/api/plans/${plan.id}/stages/${stage.key}/decision`, decision({})),
      'approve',
    );
    expect(approved).toMatchObject({
      status: 'decided',
      callIn: null,
      decision: { outcome: 'approved', callInEndsOn: null },
    });
    const published = await lead()<PublishedDto>('POST', `/api/plans/${plan.id}/publish`);
    expect(published.status).toBe(200);
  });
});
