/** Where plans live. One implementation: SharePoint lists through Microsoft Graph (local: the emulator). */
import type { AuditEntry } from '../domain/plan/events.js';
import type { PersonId, Plan, PlanStatus } from '../domain/plan/plan.js';
import type { Result } from '../domain/support/result.js';
import type { Version } from './versioned.js';

/** A plan and the store's version of it (the eTags of its items): what a save starts from. */
export interface StoredPlan {
  readonly plan: Plan;
  readonly token: Version;
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly council: string;
  readonly status: PlanStatus;
  readonly leadId: PersonId;
  readonly contentVersion: number;
  /** Present only for an archived plan (listed only when asked for). */
  readonly archived?: true;
}

export interface PlanStore {
  /** Stores a new plan. Repeating it for a plan already stored in full changes nothing. */
  create(plan: Plan, audit: AuditEntry): Promise<Result<StoredPlan>>;
  /**
   * The whole plan, or NOT_FOUND. A store may answer from a copy it keeps (a server instance's cache):
   * current to within a few seconds, and to this instance's own writes at once.
   */
  load(planId: string): Promise<Result<StoredPlan>>;
  /** The plan as it stands now: every write that finished before this call is in it. */
  refresh(planId: string): Promise<Result<StoredPlan>>;
  /**
   * The plan as a read begun at most a moment before this call found it (a store's copy: a fraction of
   * a second; SharePoint itself: now), and this instance's own writes. What a burst of clicks decides on:
   * each joins the read already out instead of starting its own.
   */
  recent(planId: string): Promise<Result<StoredPlan>>;
  /**
   * Writes what changed between `stored.plan` and `next`. If anything it would overwrite was changed by
   * someone else since `stored` was read, writes that part of nothing and answers CONFLICT naming who
   * changed it and when; the caller reloads and decides again.
   */
  save(
    stored: StoredPlan,
    next: Plan,
    audit: readonly AuditEntry[],
    editedBy: PersonId,
  ): Promise<Result<StoredPlan>>;
  /** The plans in use; archived ones too when asked. Deleted plans are never listed. */
  list(options?: { readonly includeArchived?: boolean }): Promise<readonly PlanSummary[]>;
  auditLog(planId: string): Promise<readonly AuditEntry[]>;
}
