/**
 * View models from a plan, so every card counts and words things the way the domain does (tally,
 * ruleSentence, coverage, page estimate). Names, links and Teams ids come from the caller, which has the
 * directory and knows the tab's URLs.
 */
import { approvalsNeeded, currentResponses, tally } from '../domain/approvals/rule.js';
import { londonDate } from '../domain/dates/london-date.js';
import { ruleSentence } from '../domain/wording/approval-rule.js';
import { answeringFor, deputyFor } from '../domain/approvals/approvers.js';
import { changedSinceAnswered, coversOf, reopenRuleOf } from '../domain/approvals/reopen-rule.js';
import {
  authorsOf,
  noneWording,
  outstandingAuthors,
  sectionsToFollow,
} from '../domain/sections/contribution.js';
import { isIsoDate, toDayNumber } from '../domain/dates/calendar.js';
import { planCoverage } from '../domain/checks/coverage.js';
import { estimatePlanPages } from '../domain/checks/page-estimate.js';
import type { ApprovalStage, IsoDate, PersonId, Plan, Section } from '../domain/plan/plan.js';
import { canEditSection, findSection, findStage } from '../domain/plan/plan.js';
import type { ApprovalCardView, ApprovalViewer, Notice, TallyEntry } from './approval-card.js';
import type {
  ChangesRequestedView,
  SectionAssignmentView,
  SectionContributionView,
  SectionRef,
} from './section-cards.js';
import type { MySectionLine, MySectionsView, StatusStageLine, StatusView } from './status-cards.js';

export type NameOf = (id: PersonId) => string;

export interface ApprovalViewContext {
  readonly nameOf: NameOf;
  readonly documentUrl: string;
  readonly changes: readonly string[] | null;
  /** Who will see this card; null for the everyone view posted to the chat. */
  readonly viewerId: PersonId | null;
  /** People an approver may name as deputy; the stage's own approvers are left out. */
  readonly deputyCandidates?: readonly PersonId[];
  /** The id Teams knows a person by in `refresh.userIds`; the Entra object id when not given. */
  readonly refreshIdOf?: (id: PersonId) => string;
  readonly notice?: Notice | null;
}

function viewerOf(
  plan: Plan,
  stage: ApprovalStage,
  waiting: readonly PersonId[],
  context: ApprovalViewContext,
): ApprovalViewer {
  if (context.viewerId === null || stage.state !== 'open') return { kind: 'everyone' };
  const viewerId = context.viewerId;
  const approverId = answeringFor(plan, stage, viewerId, undefined);
  if (approverId === null || !waiting.includes(approverId)) return { kind: 'everyone' };
  if (approverId !== viewerId) {
    return {
      kind: 'approver',
      onBehalfOf: { id: approverId, name: context.nameOf(approverId) },
      deputies: [],
    };
  }
  const deputies = [...new Set(context.deputyCandidates ?? [])]
    .filter((id) => id !== viewerId && !stage.approverIds.includes(id))
    .map((id) => ({ id, name: context.nameOf(id) }));
  return { kind: 'approver', onBehalfOf: null, deputies };
}

/** The approval card's view of a stage that has opened; null for an unknown or not yet opened stage. */
export function approvalViewFromPlan(
  plan: Plan,
  stageKey: string,
  context: ApprovalViewContext,
): ApprovalCardView | null {
  const stage = findStage(plan, stageKey);
  if (!stage || stage.state === 'waiting' || stage.boundHash === null || stage.boundVersion === null) {
    return null;
  }
  const counted = tally(stage);
  const responses = currentResponses(stage);
  const entry = (approverId: PersonId): TallyEntry => {
    const response = responses.find((r) => r.approverId === approverId);
    return {
      name: context.nameOf(approverId),
      comment: response?.comment ?? null,
      deputyName:
        response !== undefined && response.responderId !== approverId
          ? context.nameOf(response.responderId)
          : null,
    };
  };
  // Approvers first, so that if there are more than Teams refreshes, the approvers themselves are kept.
  const deputies = counted.waiting
    .map((id) => deputyFor(stage, id))
    .filter((id): id is PersonId => id !== null);
  const refreshIdOf = context.refreshIdOf ?? ((id: PersonId) => id);
  const computed = changesForViewer(plan, stage, context.viewerId);
  const rule = reopenRuleOf(stage);
  return {
    planId: plan.id,
    planTitle: plan.title,
    stageKey: stage.key,
    stageTitle: stage.title,
    stageKind: stage.kind,
    state: stage.state,
    round: stage.round,
    version: stage.boundVersion,
    versionHash: stage.boundHash,
    versionDate: stage.openedAt === null ? null : londonDate(stage.openedAt),
    changes: computed?.titles ?? context.changes,
    changesSince: computed?.since ?? null,
    scope:
      rule === 'sections'
        ? {
            rule,
            covers: coversOf(stage).map((key) => findSection(plan, key)?.definition.title ?? key),
          }
        : { rule },
    toFollow: sectionsToFollow(plan).map((s) => ({
      title: s.definition.title,
      from: s.toFollow!.from,
      by: s.toFollow!.by,
    })),
    documentUrl: context.documentUrl,
    rule: ruleSentence({
      rule: stage.rule,
      count: stage.approverIds.length,
      mandatory: stage.mandatoryRoles.map(
        (role) => plan.roleDefinitions.find((r) => r.key === role)?.title ?? role.replace(/-/g, ' '),
      ),
    }),
    tally: {
      approved: counted.approved.map(entry),
      changesRequested: counted.changesRequested.map(entry),
      // Once a stage is decided nobody is waited for: those who did not answer were not needed.
      waiting: stage.state === 'open' ? counted.waiting.map(context.nameOf) : [],
      needed: counted.needed,
    },
    refreshUserIds:
      stage.state === 'open' ? [...new Set([...counted.waiting, ...deputies])].map(refreshIdOf) : [],
    viewer: viewerOf(plan, stage, counted.waiting, context),
    notice: context.notice ?? null,
  };
}

/**
 * What changed since the viewer last answered this stage (anyone else: since its last round was
 * answered), as section titles, from what the answers recorded as seen. Null where nothing earlier is
 * known, so the caller's own wording (or "first round") stands.
 */
export function changesForViewer(
  plan: Plan,
  stage: ApprovalStage,
  viewerId: PersonId | null,
): { titles: string[]; since: { version: number; yours: boolean } } | null {
  const answered =
    viewerId !== null &&
    stage.responses.some((r) => (r.approverId === viewerId || r.responderId === viewerId) && r.seen);
  const changed = changedSinceAnswered(plan, stage, answered ? viewerId : null);
  if (changed === null) return null;
  const titles = changed.sectionKeys.map((key) => findSection(plan, key)?.definition.title ?? key);
  if (changed.otherChanges) titles.push('The report details (title, header or meeting) changed.');
  return { titles, since: { version: changed.version, yours: answered } };
}

function stageLine(stage: ApprovalStage): StatusStageLine {
  const counted = stage.state === 'waiting' ? null : tally(stage);
  return {
    title: stage.title,
    state: stage.state,
    approved: counted?.approved.length ?? 0,
    needed: counted?.needed ?? approvalsNeeded(stage),
    waiting: counted?.waiting.length ?? 0,
  };
}

export function statusViewFromPlan(plan: Plan, context: { nameOf: NameOf; planUrl: string }): StatusView {
  const coverage = planCoverage(plan);
  const pages = estimatePlanPages(plan);
  const current =
    plan.stages.find((stage) => stage.state === 'open') ??
    plan.stages.find((stage) => stage.state !== 'approved');
  return {
    planTitle: plan.title,
    planStatus: plan.status,
    version: plan.contentVersion,
    sections: plan.sections.map((section) => ({
      title: section.definition.title,
      status: section.status,
      ownerName: section.ownerId === null ? null : context.nameOf(section.ownerId),
      dueDate: section.dueDate,
    })),
    coverage: {
      answered: coverage.answered,
      notApplicable: coverage.notApplicable,
      missing: coverage.missing,
    },
    pages: { pages: pages.pages, minPages: pages.minPages, maxPages: pages.maxPages, status: pages.status },
    currentStage: current === undefined ? null : stageLine(current),
    planUrl: context.planUrl,
  };
}

/** Days past due on `today`; null when not due yet or either date is not a date. */
export function daysOverdue(dueDate: IsoDate | null, today: IsoDate): number | null {
  if (dueDate === null || !isIsoDate(dueDate) || !isIsoDate(today)) return null;
  const days = toDayNumber(today) - toDayNumber(dueDate);
  return days > 0 ? days : null;
}

/**
 * The sections a person owns or contributes to and that still need work (not yet accepted), soonest due
 * first and undated last.
 */
export function mySectionsViewFromPlans(
  plans: readonly Plan[],
  personId: PersonId,
  context: { today: IsoDate; sectionUrl: (plan: Plan, sectionKey: string) => string },
): MySectionsView {
  const lines: MySectionLine[] = plans.flatMap((plan) =>
    plan.sections
      .filter((section) => canEditSection(section, personId) && section.status !== 'accepted')
      .map((section) => ({
        planTitle: plan.title,
        sectionTitle: section.definition.title,
        status: section.status,
        dueDate: section.dueDate,
        daysOverdue: daysOverdue(section.dueDate, context.today),
        sectionUrl: context.sectionUrl(plan, section.definition.key),
      })),
  );
  const order = (line: MySectionLine): string => line.dueDate ?? '9999-99-99';
  return { sections: [...lines].sort((a, b) => order(a).localeCompare(order(b))) };
}

export function sectionRefFromPlan(
  plan: Plan,
  sectionKey: string,
  sectionUrl: string,
  nameOf?: NameOf,
): SectionRef | null {
  const section = findSection(plan, sectionKey);
  if (!section) return null;
  const contribution = contributionView(section, nameOf ?? ((id) => id));
  return {
    planId: plan.id,
    planTitle: plan.title,
    sectionKey,
    sectionTitle: section.definition.title,
    revision: section.revision,
    sectionUrl,
    ...(contribution ? { contribution } : {}),
  };
}

const AWAITING_OWNER: ReadonlySet<Section['status']> = new Set([
  'not-started',
  'drafting',
  'changes-requested',
]);

/** How the section's text arrives, for its cards; undefined for one owner writing it with nothing special. */
function contributionView(section: Section, nameOf: NameOf): SectionContributionView | undefined {
  // "None" in one step only where nothing has been written that it would replace.
  const noneText =
    AWAITING_OWNER.has(section.status) && section.content.length === 0 ? noneWording(section) : null;
  const view: SectionContributionView = {
    outsideParty: section.outsideParty,
    jointAuthors: section.jointAuthors
      ? { names: authorsOf(section).map(nameOf), outstanding: outstandingAuthors(section).map(nameOf) }
      : null,
    toFollow: section.toFollow ? { from: section.toFollow.from, by: section.toFollow.by } : null,
    noneText,
  };
  const plain = !view.outsideParty && !view.jointAuthors && !view.toFollow && !view.noneText;
  return plain ? undefined : view;
}

export function sectionAssignmentViewFromPlan(
  plan: Plan,
  sectionKey: string,
  context: { sectionUrl: string; assignedByName: string | null; nameOf?: NameOf },
): SectionAssignmentView | null {
  const ref = sectionRefFromPlan(plan, sectionKey, context.sectionUrl, context.nameOf);
  const section = findSection(plan, sectionKey);
  if (!ref || !section) return null;
  return {
    ...ref,
    guidance: section.definition.guidance,
    promptQuestions: section.definition.promptQuestions.map((question) => question.text),
    dueDate: section.dueDate,
    wordBudget: section.definition.wordBudget > 0 ? section.definition.wordBudget : null,
    assignedByName: context.assignedByName,
  };
}

/** Null unless the section has a change request waiting for its owner. */
export function changesRequestedViewFromPlan(
  plan: Plan,
  sectionKey: string,
  context: { sectionUrl: string; nameOf: NameOf },
): ChangesRequestedView | null {
  const ref = sectionRefFromPlan(plan, sectionKey, context.sectionUrl, context.nameOf);
  const section = findSection(plan, sectionKey);
  if (!ref || !section || section.status !== 'changes-requested' || section.reviewComment === null)
    return null;
  return { ...ref, comment: section.reviewComment, requestedByName: context.nameOf(plan.leadId) };
}
