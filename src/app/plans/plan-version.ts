/**
 * One numbered version of a plan, as approvers are asked about it (version N is the Nth content that went
 * round for approval; version 0 is the draft before the first round). The store keeps the current text
 * only; an older version is described by its hash, the approvals bound to it and its history.
 */
import { contentHash } from '../../domain/documents/content-hash.js';
import type { AuditEntry } from '../../domain/plan/events.js';
import type { ApprovalStage, Plan } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { ReadDeps } from './read-plan.js';
import { readPlan } from './read-plan.js';

export interface PlanVersion {
  readonly plan: Plan;
  readonly version: number;
  readonly hash: string | null;
  readonly isCurrent: boolean;
  readonly stages: readonly ApprovalStage[];
  readonly history: readonly AuditEntry[];
}

export async function planVersion(
  deps: ReadDeps,
  planId: string,
  version: number,
): Promise<Result<PlanVersion>> {
  const read = await readPlan(deps, planId);
  if (!read.ok) return read;
  const plan = read.value;
  if (!Number.isInteger(version) || version < 0 || version > plan.contentVersion) {
    return refuse(
      'NOT_FOUND',
      `“${plan.title}” has no version ${version}; the current version is ${plan.contentVersion}.`,
      { currentVersion: plan.contentVersion },
    );
  }
  const history = (await deps.store.auditLog(planId)).filter((entry) => entry.version === version);
  // The latest number is current only while the content is still what it numbered (no edits since);
  // version 0 is the draft before the first round, current until a round starts.
  const isCurrent =
    version === plan.contentVersion && (version === 0 || contentHash(plan) === plan.versionHash);
  const hash =
    version === 0
      ? plan.contentVersion === 0
        ? contentHash(plan)
        : null
      : version === plan.contentVersion
        ? plan.versionHash
        : (history.find((entry) => entry.hash !== '')?.hash ?? null);
  // A stage reopened after an edit forgets its bound version, but its responses keep the hash they saw.
  const stages = plan.stages.filter(
    (stage) =>
      stage.boundVersion === version || (hash !== null && stage.responses.some((r) => r.hash === hash)),
  );
  return ok({ plan, version, hash, isCurrent, stages, history });
}
