/** A plan of a given format taken through every stage before its (first) decision, for governance tests. */
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import type { IsoDateTime, Plan } from '../../../src/domain/plan/plan.js';
import type { ReportFormat } from '../../../src/domain/templates/report-format.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import { acceptedEverywhere, testPeople, newTestPlan, T0 } from '../../support/fixtures/index.js';

export function step(plan: Plan, command: Command, actor: string, now: IsoDateTime = T0): Plan {
  const result = decide(plan, command, { id: actor }, now);
  if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
  return result.value.plan;
}

/** Every section accepted and every stage before the first decision approved by all its approvers. */
export function atDecision(format: ReportFormat, now: IsoDateTime = T0): Plan {
  let plan = step(
    acceptedEverywhere(newTestPlan({ format }).plan),
    { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
    testPeople.lead,
    now,
  );
  for (let guard = 0; guard < 20; guard++) {
    const open = plan.stages.find((s) => s.state === 'open');
    if (!open) throw new Error(`no open stage (${plan.status})`);
    if (open.kind === 'decision') return plan;
    const approver = open.approverIds.find(
      (id) => !open.responses.some((r) => r.round === open.round && r.approverId === id),
    );
    if (approver === undefined) throw new Error(`stage ${open.key} is open with everyone answered`);
    plan = step(
      plan,
      {
        type: 'respond',
        stageKey: open.key,
        decision: 'approve',
        comment: null,
        versionHash: contentHash(plan),
      },
      approver,
      now,
    );
  }
  throw new Error('the chain did not reach a decision');
}

export const openDecision = (plan: Plan) => {
  const stage = plan.stages.find((s) => s.kind === 'decision' && s.state === 'open');
  if (!stage) throw new Error('no decision stage is open');
  return stage;
};
