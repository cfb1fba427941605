/**
 * Implementation milestones: a dated step in the plan with an owner. The owner sets the status; whether
 * a milestone is overdue is derived from its due date, so it cannot be forgotten or argued with.
 */
import { isIsoDate } from '../dates/calendar.js';
import type { IsoDate, IsoDateTime, PersonId } from '../plan/plan.js';
import type { Rag } from './rag.js';
import { ok, refuse, type Result } from '../support/result.js';

export type MilestoneStatus = 'not-started' | 'in-progress' | 'at-risk' | 'complete';
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = [
  'not-started',
  'in-progress',
  'at-risk',
  'complete',
];

export interface MilestoneDefinition {
  readonly title: string;
  readonly ownerId: PersonId;
  readonly dueDate: IsoDate;
  readonly theme: number | null;
}

export interface Milestone extends MilestoneDefinition {
  readonly id: string;
  readonly planId: string;
  readonly status: MilestoneStatus;
  /** The day it was completed, when it is. */
  readonly completedOn: IsoDate | null;
  /** The owner's latest word on it, shown in progress updates. */
  readonly note: string | null;
  readonly revision: number;
  readonly updatedBy: PersonId;
  readonly updatedAt: IsoDateTime;
}

export const MILESTONE_LIMITS = { title: 255, note: 1000 } as const;

export function validateMilestoneDefinition(
  draft: MilestoneDefinition,
  context: { readonly themes: readonly number[] },
): Result<MilestoneDefinition> {
  const problems: string[] = [];
  const title = typeof draft.title === 'string' ? draft.title.trim() : '';
  if (title === '') problems.push('Give the milestone a title');
  else if (title.length > MILESTONE_LIMITS.title)
    problems.push(`The title must be at most ${MILESTONE_LIMITS.title} characters`);
  if (typeof draft.ownerId !== 'string' || draft.ownerId.trim() === '') problems.push('Name an owner');
  if (!isIsoDate(draft.dueDate)) problems.push('Give the due date');
  if (draft.theme !== null && !context.themes.includes(draft.theme))
    problems.push(`Theme ${draft.theme} is not a theme of this plan`);
  if (problems.length > 0) return refuse('VALIDATION', problems.join('; '), { problems });
  return ok({ title, ownerId: draft.ownerId.trim(), dueDate: draft.dueDate, theme: draft.theme });
}

export interface MilestoneProgressChange {
  readonly status: MilestoneStatus;
  readonly completedOn: IsoDate | null;
  readonly note: string | null;
}

/** A status change: a complete milestone needs the day it was completed, and only a complete one has it. */
export function validateProgressChange(
  change: MilestoneProgressChange,
  today: IsoDate,
): Result<MilestoneProgressChange> {
  const problems: string[] = [];
  if (!MILESTONE_STATUSES.includes(change.status))
    problems.push(`"${String(change.status)}" is not a status`);
  if (change.status === 'complete') {
    if (change.completedOn === null || !isIsoDate(change.completedOn))
      problems.push('Give the date it was completed');
    else if (change.completedOn > today) problems.push('The completion date cannot be in the future');
  } else if (change.completedOn !== null) {
    problems.push('Only a complete milestone has a completion date');
  }
  const note = change.note === null ? null : change.note.trim();
  if (note !== null && note.length > MILESTONE_LIMITS.note)
    problems.push(`The note must be at most ${MILESTONE_LIMITS.note} characters`);
  if (problems.length > 0) return refuse('VALIDATION', problems.join('; '), { problems });
  return ok({ status: change.status, completedOn: change.completedOn, note: note === '' ? null : note });
}

export type MilestoneState =
  'complete' | 'complete-late' | 'overdue' | 'at-risk' | 'in-progress' | 'not-started';

export interface MilestoneProgress {
  readonly state: MilestoneState;
  readonly rag: Rag;
  /** In words, for documents and cards: colour is never the only signal. */
  readonly label: string;
}

/**
 * Where a milestone stands on a date: complete (on time or late), overdue when its due date has passed
 * without completion (whatever the owner last said), otherwise the owner's status. Overdue is red; at
 * risk and late completion are amber; the rest are green.
 */
export function milestoneProgress(milestone: Milestone, asOf: IsoDate): MilestoneProgress {
  if (milestone.status === 'complete') {
    const late = milestone.completedOn !== null && milestone.completedOn > milestone.dueDate;
    return late
      ? { state: 'complete-late', rag: 'amber', label: 'Complete (after its due date)' }
      : { state: 'complete', rag: 'green', label: 'Complete' };
  }
  if (asOf > milestone.dueDate) return { state: 'overdue', rag: 'red', label: 'Overdue' };
  if (milestone.status === 'at-risk') return { state: 'at-risk', rag: 'amber', label: 'At risk' };
  if (milestone.status === 'in-progress') return { state: 'in-progress', rag: 'green', label: 'In progress' };
  return { state: 'not-started', rag: 'green', label: 'Not started' };
}

export function newMilestone(
  id: string,
  planId: string,
  definition: MilestoneDefinition,
  by: PersonId,
  at: IsoDateTime,
): Milestone {
  return {
    ...definition,
    id,
    planId,
    status: 'not-started',
    completedOn: null,
    note: null,
    revision: 1,
    updatedBy: by,
    updatedAt: at,
  };
}
