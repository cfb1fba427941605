/**
 * A progress update: what the council publishes each period (a quarter by default) about its plan's KPIs
 * and milestones, cleared through a shorter approval chain than the plan's and then published like it.
 *
 * The chain is configuration, not code: a ProgressUpdatePolicy names which of the plan's own approval
 * stages (from its report format) an update goes through. The default takes the plan's sign-off stages
 * except the implications officers' — for the shipped formats, the portfolio holder's sign-off (and in
 * Sandwell the director's before it): no management-team round and no meeting, since the decision on
 * the plan was taken and an update reports against it. A council wanting its cabinet member only, or
 * its management team as well, names those stage keys.
 *
 * Approvals bind to the hash of the assembled update (assemble-progress-update.ts), as plan approvals
 * bind to the plan's: a value corrected or a commentary edited after approval was sought makes every
 * response stale, and the lead submits the update again. Stages reuse the plan's ApprovalStage shape
 * and its rule (approvals/rule.ts), so "all", "any", "N of M" and named members mean the same here.
 */
import { tally } from '../approvals/rule.js';
import { holdersOf } from '../approvals/approvers.js';
import { periodFromKey, periodOf, previousPeriod, type KpiFrequency, type Period } from './periods.js';
import type { ApprovalStage, IsoDate, IsoDateTime, PersonId, Plan, ResponseDecision } from '../plan/plan.js';
import { ok, refuse, type Result } from '../support/result.js';

export interface ProgressUpdatePolicy {
  readonly frequency: KpiFrequency;
  /** The plan's approval stages an update goes through, by key, in the plan's order. */
  readonly stageKeys: readonly string[];
}

export function defaultProgressPolicy(plan: Pick<Plan, 'stages'>): ProgressUpdatePolicy {
  return {
    frequency: 'quarterly',
    stageKeys: plan.stages
      .filter((s) => s.kind === 'sign-off' && !s.approverRoles.includes('implication-officers'))
      .map((s) => s.key),
  };
}

export function validatePolicy(
  plan: Pick<Plan, 'stages'>,
  policy: ProgressUpdatePolicy,
): Result<ProgressUpdatePolicy> {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const key of policy.stageKeys) {
    const stage = plan.stages.find((s) => s.key === key);
    if (!stage) problems.push(`The plan has no approval stage "${key}"`);
    else if (stage.kind === 'decision')
      problems.push(`"${stage.title}" is a meeting's decision; a progress update is signed off, not decided`);
    if (seen.has(key)) problems.push(`"${key}" is named twice`);
    seen.add(key);
  }
  if (problems.length > 0) return refuse('VALIDATION', problems.join('; '), { problems });
  const order = plan.stages.map((s) => s.key);
  return ok({
    ...policy,
    stageKeys: [...policy.stageKeys].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  });
}

export type ProgressUpdateStatus = 'draft' | 'in-approval' | 'changes-requested' | 'approved' | 'published';

export interface ProgressUpdatePublication {
  readonly hash: string;
  readonly version: number;
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly publishedBy: PersonId;
  readonly publishedAt: IsoDateTime;
}

export interface ProgressUpdate {
  readonly id: string;
  readonly planId: string;
  readonly periodKey: string;
  /** The lead's overview, written for residents. */
  readonly summary: string | null;
  readonly status: ProgressUpdateStatus;
  /** Bumps each time the update is submitted with content that differs from the last submission. */
  readonly version: number;
  /** The content hash the current round of approvals is bound to (null before the first submission). */
  readonly hash: string | null;
  readonly stages: readonly ApprovalStage[];
  readonly publication: ProgressUpdatePublication | null;
  readonly revision: number;
  readonly updatedBy: PersonId;
  readonly updatedAt: IsoDateTime;
}

export const progressUpdateId = (planId: string, periodKey: string): string => `${planId}--${periodKey}`;

export const SUMMARY_MAX = 5000;

/** Nothing to do: the update already is as asked (a repeated click). */
export const NO_CHANGE = Symbol('no change');
export type Changed = ProgressUpdate | typeof NO_CHANGE;

interface Context {
  readonly actor: PersonId;
  readonly now: IsoDateTime;
}

const onlyLead = (plan: Pick<Plan, 'leadId'>, actor: PersonId, what: string) =>
  actor === plan.leadId ? null : refuse('NOT_ALLOWED', `Only the plan lead can ${what}.`);

const touched = (
  update: ProgressUpdate,
  context: Context,
  changes: Partial<ProgressUpdate>,
): ProgressUpdate => ({
  ...update,
  ...changes,
  revision: update.revision + 1,
  updatedBy: context.actor,
  updatedAt: context.now,
});

/** Why this person cannot start a progress update on the plan now, or null when they can. */
export function cannotStartProgress(plan: Pick<Plan, 'leadId' | 'status'>, actor: PersonId) {
  const denied = onlyLead(plan, actor, 'start a progress update');
  if (denied) return denied;
  if (plan.status !== 'published')
    return refuse('INVALID_STATE', 'Progress is reported on a published plan; publish the plan first.');
  return null;
}

/**
 * The periods an update could be started for today, newest first: the last `count` periods of the
 * policy's frequency that have ended by `today`, less those that already have an update.
 */
export function periodsToStart(
  frequency: KpiFrequency,
  today: IsoDate,
  taken: ReadonlySet<string>,
  count = 4,
): Period[] {
  const periods: Period[] = [];
  let period = previousPeriod(periodOf(frequency, today));
  for (let i = 0; i < count; i++, period = previousPeriod(period))
    if (!taken.has(period.key)) periods.push(period);
  return periods;
}

/** A new update for a period that has ended, of a published plan. */
export function openProgressUpdate(
  plan: Pick<Plan, 'id' | 'leadId' | 'status'>,
  policy: ProgressUpdatePolicy,
  periodKey: string,
  context: Context,
): Result<ProgressUpdate> {
  const cannot = cannotStartProgress(plan, context.actor);
  if (cannot) return cannot;
  const period = periodFromKey(periodKey);
  if (period === null || period.frequency !== policy.frequency)
    return refuse('VALIDATION', `"${periodKey}" is not a ${policy.frequency} period.`);
  if (period.end > context.now.slice(0, 10))
    return refuse(
      'VALIDATION',
      `${period.label} has not ended yet; its update can start from ${period.end}.`,
    );
  return ok({
    id: progressUpdateId(plan.id, period.key),
    planId: plan.id,
    periodKey: period.key,
    summary: null,
    status: 'draft',
    version: 0,
    hash: null,
    stages: [],
    publication: null,
    revision: 1,
    updatedBy: context.actor,
    updatedAt: context.now,
  });
}

export const periodOfUpdate = (update: ProgressUpdate): Period => {
  const period = periodFromKey(update.periodKey);
  if (period === null) throw new Error(`A stored progress update names no period: ${update.periodKey}`);
  return period;
};

/** The lead's summary. Changing it while approvals are sought makes them stale (the hash changes). */
export function setSummary(
  plan: Pick<Plan, 'leadId'>,
  update: ProgressUpdate,
  summary: string | null,
  context: Context,
): Result<Changed> {
  const denied = onlyLead(plan, context.actor, 'write the summary');
  if (denied) return denied;
  if (update.status === 'published')
    return refuse('INVALID_STATE', 'This update is published; it can no longer change.');
  const text = summary === null ? null : summary.trim() === '' ? null : summary.trim();
  if (text !== null && text.length > SUMMARY_MAX)
    return refuse('VALIDATION', `The summary must be at most ${SUMMARY_MAX} characters.`);
  if (text === update.summary) return ok(NO_CHANGE);
  return ok(touched(update, context, { summary: text }));
}

function instantiate(plan: Plan, policy: ProgressUpdatePolicy): ApprovalStage[] {
  return policy.stageKeys.flatMap((key) => {
    const stage = plan.stages.find((s) => s.key === key);
    if (!stage) return [];
    return [
      {
        ...stage,
        approverIds: [],
        mandatoryIds: [],
        delegations: [],
        state: 'waiting' as const,
        round: 0,
        boundHash: null,
        boundVersion: null,
        responses: [],
        openedAt: null,
        closedAt: null,
      },
    ];
  });
}

/** Opens the first stage not yet approved for this hash, or approves the update when none is left. */
function advance(plan: Plan, update: ProgressUpdate, now: IsoDateTime): Result<ProgressUpdate> {
  const index = update.stages.findIndex((s) => s.state !== 'approved');
  if (index < 0) return ok({ ...update, status: 'approved' });
  const stage = update.stages[index]!;
  const approverIds = holdersOf(plan, stage.approverRoles);
  const mandatoryIds = holdersOf(plan, stage.mandatoryRoles);
  if (approverIds.length === 0)
    return refuse('VALIDATION', `Nobody holds the roles of "${stage.title}"; name them on the plan first.`);
  const opened: ApprovalStage = {
    ...stage,
    approverIds,
    mandatoryIds,
    state: 'open',
    round: stage.round + 1,
    boundHash: update.hash,
    boundVersion: update.version,
    openedAt: now,
    closedAt: null,
  };
  return ok({
    ...update,
    status: 'in-approval',
    stages: update.stages.map((s, i) => (i === index ? opened : s)),
  });
}

/**
 * Submits the update as it now reads (its content hash) for approval from the first stage. Again with
 * the same content while in approval changes nothing; with changed content it starts a new round.
 */
export function submitProgressUpdate(
  plan: Plan,
  policy: ProgressUpdatePolicy,
  update: ProgressUpdate,
  hash: string,
  context: Context,
): Result<Changed> {
  const denied = onlyLead(plan, context.actor, 'submit a progress update');
  if (denied) return denied;
  if (update.status === 'published') return refuse('INVALID_STATE', 'This update is already published.');
  if ((update.status === 'in-approval' || update.status === 'approved') && update.hash === hash)
    return ok(NO_CHANGE);
  const checked = validatePolicy(plan, policy);
  if (!checked.ok) return checked;
  const fresh = instantiate(plan, checked.value).map((stage) => {
    const before = update.stages.find((s) => s.key === stage.key);
    return before ? { ...stage, round: before.round, responses: before.responses } : stage;
  });
  const next = touched(update, context, {
    hash,
    version: update.hash === hash ? update.version : update.version + 1,
    stages: fresh,
  });
  return advance(plan, next, context.now);
}

export interface ProgressResponse {
  readonly stageKey: string;
  readonly decision: ResponseDecision;
  readonly comment: string | null;
  /** The hash the approver was shown. */
  readonly hash: string;
}

export function respondToProgressUpdate(
  plan: Plan,
  update: ProgressUpdate,
  response: ProgressResponse,
  currentHash: string,
  context: Context,
): Result<Changed> {
  const index = update.stages.findIndex((s) => s.key === response.stageKey);
  const stage = update.stages[index];
  if (!stage) return refuse('NOT_FOUND', `This update has no approval stage "${response.stageKey}".`);
  if (!stage.approverIds.includes(context.actor))
    return refuse('NOT_ALLOWED', `You are not an approver of "${stage.title}" for this update.`);
  if (stage.state !== 'open') {
    const mine = stage.responses.find((r) => r.round === stage.round && r.approverId === context.actor);
    if (mine && mine.decision === response.decision) return ok(NO_CHANGE);
    return refuse('INVALID_STATE', `"${stage.title}" is not open for responses.`);
  }
  if (response.hash !== update.hash || currentHash !== update.hash)
    return refuse(
      'STALE_VERSION',
      'The update has changed since this was sent; the plan lead will submit the current version.',
    );
  const comment = response.comment?.trim() || null;
  if (response.decision === 'request-changes' && comment === null)
    return refuse('VALIDATION', 'Say what should change.');
  const mine = stage.responses.find((r) => r.round === stage.round && r.approverId === context.actor);
  if (mine) {
    return mine.decision === response.decision
      ? ok(NO_CHANGE)
      : refuse('ALREADY_RESPONDED', `You already answered "${mine.decision}" in this round.`);
  }
  const answered: ApprovalStage = {
    ...stage,
    responses: [
      ...stage.responses,
      {
        round: stage.round,
        approverId: context.actor,
        responderId: context.actor,
        decision: response.decision,
        comment,
        at: context.now,
        hash: response.hash,
      },
    ],
  };
  const outcome = tally(answered).outcome;
  const closed: ApprovalStage =
    outcome === 'pending'
      ? answered
      : {
          ...answered,
          state: outcome === 'approved' ? 'approved' : 'changes-requested',
          closedAt: context.now,
        };
  const next = touched(update, context, { stages: update.stages.map((s, i) => (i === index ? closed : s)) });
  if (outcome === 'changes-requested') return ok({ ...next, status: 'changes-requested' });
  if (outcome === 'pending') return ok(next);
  return advance(plan, next, context.now);
}

/** Records publication of the approved content; anything changed since approval must go round again. */
export function publishProgress(
  plan: Pick<Plan, 'leadId'>,
  update: ProgressUpdate,
  currentHash: string,
  links: ProgressUpdatePublication['links'],
  context: Context,
): Result<Changed> {
  const denied = onlyLead(plan, context.actor, 'publish a progress update');
  if (denied) return denied;
  if (update.status === 'published')
    return update.publication?.hash === currentHash
      ? ok(NO_CHANGE)
      : refuse('INVALID_STATE', 'This update is already published.');
  if (update.status !== 'approved')
    return refuse('INVALID_STATE', 'Every approval stage must approve the update before it is published.');
  if (currentHash !== update.hash)
    return refuse('STALE_VERSION', 'The update has changed since it was approved; submit it again.');
  return ok(
    touched(update, context, {
      status: 'published',
      publication: {
        hash: currentHash,
        version: update.version,
        links,
        publishedBy: context.actor,
        publishedAt: context.now,
      },
    }),
  );
}
