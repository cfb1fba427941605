/**
 * A plan taken through the real routes to where the KPI and publication tests start: every section
 * accepted, every sign-off stage approved by each of its approvers, and then (optionally) the decision
 * recorded and the plan published.
 */
import { demoPeople, managementTeamGroup } from '../../src/local/demo/people.js';
import type { PlanViewDto } from '../../src/shared/api.js';
import type { PublishedDto } from '../../src/shared/kpi-api.js';
import { acceptEverySection, createPlan } from './tab-plans.js';
import type { TabServer } from './tab-server.js';

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

/** Every sign-off approved; the plan waits for its meeting's decision. */
export async function awaitingDecision(tab: TabServer, leadId: string, title: string): Promise<string> {
  const planId = await createPlan(tab, leadId, title);
  await acceptEverySection(tab, planId, leadId);
  const lead = tab.as(leadId);
  // The demo format's roles, bound as the demo plan binds them.
  const roles: Record<string, readonly string[]> = {
    'report-author': [leadId],
    'accountable-director': [demoPeople.director.id],
    'chief-finance-officer': [demoPeople.financeOfficer.id],
    'monitoring-officer': [demoPeople.monitoringOfficer.id],
    'management-team': managementTeamGroup.memberIds,
    'portfolio-holder': [demoPeople.portfolioHolder.id],
  };
  for (const [role, personIds] of Object.entries(roles)) {
    await ok(lead('PUT', `/api/plans/${planId}/roles/${role}`, { personIds }), `bind ${role}`);
  }
  for (let guard = 0; guard < 20; guard++) {
    let plan = await ok(lead<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
    let open = plan.stages.find((s) => s.state === 'open');
    if (!open) {
      plan = await ok(
        lead<PlanViewDto>('POST', `/api/plans/${planId}/approvals/start`, {
          delivery: { kind: 'one-to-one' },
        }),
        'start',
      );
      open = plan.stages.find((s) => s.state === 'open');
    }
    if (!open) throw new Error('no stage opened');
    if (open.kind === 'decision') return planId;
    for (const approverId of open.approverIds) {
      await ok(
        tab.as(approverId)('POST', `/api/plans/${planId}/stages/${open.key}/respond`, {
          decision: 'approve',
          comment: null,
          versionHash: plan.versionHash,
        }),
        `respond ${open.key}`,
      );
    }
  }
  throw new Error('the approval chain did not reach its decision');
}

export const DECISION = {
  meetingBody: 'Cabinet',
  meetingDate: '2026-01-15',
  minuteReference: 'CAB 26/04',
  callInEndsOn: null,
  outcome: 'approved',
} as const;

/** Decided and published through the new routes; answers the plan id and the publication links. */
export async function publishedPlanThroughApi(
  tab: TabServer,
  leadId: string,
  title: string,
): Promise<{ planId: string; links: PublishedDto['links'] }> {
  const planId = await awaitingDecision(tab, leadId, title);
  const lead = tab.as(leadId);
  const plan = await ok(lead<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
  await ok(
    lead('POST', `/api/plans/${planId}/decision`, { ...DECISION, versionHash: plan.versionHash }),
    'decision',
  );
  const published = await ok(lead<PublishedDto>('POST', `/api/plans/${planId}/publish`), 'publish');
  return { planId, links: published.links };
}
