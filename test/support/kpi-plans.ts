/** Plans taken all the way to publication (purely, through the workflow), for the KPI tests. */
import { contentHash } from '../../src/domain/documents/content-hash.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import { decide } from '../../src/domain/workflow/decide.js';
import { acceptedEverywhere, newTestPlan } from './fixtures/catalog-plans.js';

function step(plan: Plan, command: Parameters<typeof decide>[1], actor: string, at: string): Plan {
  const result = decide(plan, command, { id: actor }, at);
  if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
  return result.value.plan;
}

/** Every stage approved by all its approvers, the decision recorded and the plan published on `on`. */
export function publishedPlan(options: { id?: string; formatId?: string; on?: string } = {}): Plan {
  const on = options.on ?? '2024-07-05';
  const at = `${on}T10:00:00Z`;
  const created = newTestPlan({
    ...(options.id ? { id: options.id } : {}),
    formatId: options.formatId ?? 'durham-cabinet',
  });
  let plan = step(acceptedEverywhere(created.plan), { type: 'startApprovals' }, created.plan.leadId, at);
  for (;;) {
    const open = plan.stages.find((s) => s.state === 'open');
    if (!open) break;
    if (open.kind === 'decision') {
      plan = step(
        plan,
        {
          type: 'recordDecision',
          stageKey: open.key,
          meetingBody: 'Cabinet',
          meetingDate: on,
          minuteReference: 'CAB 24/31',
          callInEndsOn: null,
          outcome: 'approved',
          versionHash: contentHash(plan),
        },
        plan.leadId,
        at,
      );
      continue;
    }
    for (const approverId of open.approverIds) {
      plan = step(
        plan,
        {
          type: 'respond',
          stageKey: open.key,
          decision: 'approve',
          comment: null,
          versionHash: contentHash(plan),
        },
        approverId,
        at,
      );
    }
  }
  return step(
    plan,
    {
      type: 'publish',
      versionHash: contentHash(plan),
      links: [{ label: 'Web page', url: 'https://council.example/plan' }],
    },
    plan.leadId,
    at,
  );
}
