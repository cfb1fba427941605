/** From the use cases' answers to the DTOs the tab reads (src/shared/api.ts). */
import { tally } from '../../domain/approvals/rule.js';
import { ruleSentence } from '../../domain/wording/approval-rule.js';
import { holdersOf } from '../../domain/approvals/approvers.js';
import type { Actor } from '../../domain/plan/commands.js';
import { sectionCoverage } from '../../domain/checks/coverage.js';
import { computeShares } from '../../domain/sections/figures.js';
import { OUTCOME_WORDS } from '../../domain/governance/decision-outcomes.js';
import {
  callInApplies,
  stageDecisionBody,
  stageOutcomes,
  stagePublishableOutcomes,
} from '../../domain/governance/governance.js';
import type { ApprovalStage, PersonId, Plan, Section } from '../../domain/plan/plan.js';
import { canEditSection, findSection } from '../../domain/plan/plan.js';
import {
  allowsPending,
  changedSinceAnswered,
  coversOf,
  reopenRuleOf,
} from '../../domain/approvals/reopen-rule.js';
import { authorsOf, hasAgreed, isNotIncluded, noneWording } from '../../domain/sections/contribution.js';
import { missingHeaderFields } from '../../domain/plan/header-values.js';
import { wordCount } from '../../domain/sections/rich-text.js';
import type { PlanOverview } from '../../app/plans/read-plan.js';
import type { PlanVersion } from '../../app/plans/plan-version.js';
import type {
  ChangedSinceDto,
  ContributionDto,
  PeopleDto,
  PlanViewDto,
  SectionDto,
  SectionSummaryDto,
  StageDto,
  VersionDto,
} from '../../shared/api.js';
import { awaitedAnswer } from './my-turn.js';

type Names = (ids: Iterable<PersonId>) => Promise<PeopleDto>;

/** Each theme's name: the title of the plan section that answers it. */
export function themeTitlesOf(plan: Plan): Readonly<Record<number, string>> {
  const titles: Record<number, string> = {};
  for (const section of plan.sections) {
    const theme = section.definition.theme;
    if (theme !== undefined && titles[theme] === undefined) titles[theme] = section.definition.title;
  }
  return titles;
}

function contributionOf(section: Section): ContributionDto {
  return {
    toFollow: section.toFollow ? { from: section.toFollow.from, by: section.toFollow.by } : null,
    outsideParty: section.outsideParty,
    jointAuthors: section.jointAuthors
      ? authorsOf(section).map((id) => ({ id, agreed: hasAgreed(section, id) }))
      : null,
    notIncluded: isNotIncluded(section),
    noneText: noneWording(section),
  };
}

function sectionSummary(section: Section): SectionSummaryDto {
  const questions = sectionCoverage(section);
  const d = section.definition;
  return {
    key: d.key,
    title: d.title,
    part: d.part,
    kind: d.kind,
    theme: d.theme ?? null,
    required: d.required,
    ownerId: section.ownerId,
    contributorIds: section.contributorIds,
    dueDate: section.dueDate,
    status: section.status,
    revision: section.revision,
    lastEdit: section.lastEdit,
    reviewComment: section.reviewComment,
    words: wordCount(section.content),
    wordBudget: d.wordBudget,
    contribution: contributionOf(section),
    questions: {
      total: questions.length,
      answered: questions.filter((q) => q.state === 'answered').length,
      notApplicable: questions.filter((q) => q.state === 'not-applicable').length,
      missing: questions.filter((q) => q.state === 'missing').length,
    },
  };
}

/**
 * The rule as a sentence ("3 of 5 must approve, including the Accountable Director"). Before a stage opens
 * its approvers are not fixed, so it is said without counting them, with how many are named so far.
 */
function ruleText(plan: Plan, stage: ApprovalStage): string {
  if (stage.kind === 'decision') return 'Recorded by the plan lead after the meeting';
  const title = (role: string) =>
    plan.roleDefinitions.find((r) => r.key === role)?.title ?? role.replace(/-/g, ' ');
  const mandatory = stage.mandatoryRoles.map(title);
  if (stage.state !== 'waiting' || stage.approverIds.length > 0) {
    return ruleSentence({ rule: stage.rule, count: stage.approverIds.length, mandatory });
  }
  const rule = ruleSentence({ rule: stage.rule, count: null, mandatory });
  const named = holdersOf(plan, stage.approverRoles).length;
  const roles = stage.approverRoles.map(title).join(', ');
  return named === 0 ? `${rule}; nobody is named for it yet (${roles})` : `${rule} (${named} named so far)`;
}

function stageView(plan: Plan, stage: ApprovalStage, actor: Actor): StageDto {
  const counted = stage.round > 0 ? tally(stage) : null;
  const approverId = stage.kind === 'decision' ? null : awaitedAnswer(plan, stage, actor.id);
  return {
    key: stage.key,
    title: stage.title,
    kind: stage.kind,
    state: stage.state,
    round: stage.round,
    rule: ruleText(plan, stage),
    approverIds: stage.approverIds,
    mandatoryIds: stage.mandatoryIds,
    delegations: stage.delegations,
    boundVersion: stage.boundVersion,
    boundHash: stage.boundHash,
    openedAt: stage.openedAt,
    closedAt: stage.closedAt,
    // What each response saw stays on the server: "changedSince" says what the tab needs of it.
    responses: stage.responses.map(({ seen: _seen, ...response }) => response),
    tally: counted
      ? {
          approved: counted.approved,
          changesRequested: counted.changesRequested,
          waiting: counted.waiting,
          needed: counted.needed,
        }
      : null,
    myTurn: approverId !== null ? { approverId } : null,
    outcomes:
      stage.kind === 'decision'
        ? stageOutcomes(stage).map((value) => ({
            value,
            label: OUTCOME_WORDS[value],
            publishable: stagePublishableOutcomes(stage).includes(value),
          }))
        : null,
    decisionBody: stage.kind === 'decision' ? stageDecisionBody(plan, stage) : null,
    reopens: reopenRuleOf(stage),
    covers: coversOf(stage).map((key) => ({ key, title: findSection(plan, key)?.definition.title ?? key })),
    allowsPending: allowsPending(stage),
    changedSince: changedSinceView(plan, stage, actor),
  };
}

function changedSinceView(plan: Plan, stage: ApprovalStage, actor: Actor): ChangedSinceDto | null {
  const mine = stage.responses.some((r) => r.approverId === actor.id || r.responderId === actor.id);
  const changed = changedSinceAnswered(plan, stage, mine ? actor.id : null);
  if (changed === null) return null;
  return {
    version: changed.version,
    sections: changed.sectionKeys.map((key) => ({
      key,
      title: findSection(plan, key)?.definition.title ?? key,
    })),
    otherChanges: changed.otherChanges,
  };
}

function idsIn(plan: Plan): PersonId[] {
  return [
    plan.leadId,
    ...plan.sections.flatMap((s) => [
      ...(s.ownerId ? [s.ownerId] : []),
      ...s.contributorIds,
      ...(s.lastEdit ? [s.lastEdit.by] : []),
    ]),
    ...plan.stages.flatMap((s) => [
      ...s.approverIds,
      ...s.responses.flatMap((r) => [r.approverId, r.responderId]),
      ...s.delegations.flatMap((d) => [d.approverId, d.deputyId]),
    ]),
    ...(plan.decision ? [plan.decision.recordedBy] : []),
  ];
}

export async function planView(overview: PlanOverview, actor: Actor, names: Names): Promise<PlanViewDto> {
  const { plan } = overview;
  return {
    id: plan.id,
    title: plan.title,
    council: plan.council,
    status: plan.status,
    leadId: plan.leadId,
    templateId: plan.templateId,
    reportFormatId: plan.reportFormatId,
    contentVersion: plan.contentVersion,
    versionHash: plan.versionHash,
    dates: plan.dates,
    sections: plan.sections.map(sectionSummary),
    coverage: overview.coverage,
    themeTitles: themeTitlesOf(plan),
    pages: overview.pages,
    timeline: overview.timeline,
    stages: plan.stages.map((stage) => stageView(plan, stage, actor)),
    decision: plan.decision,
    publication: plan.publication,
    needsMyAction: overview.needsMyAction,
    isLead: plan.leadId === actor.id,
    missingHeader: missingHeaderFields(plan).map((f) => f.label),
    people: await names(idsIn(plan)),
    governance: {
      model: plan.governance.model,
      decisionBody: plan.governance.decisionBody,
      keyDecision: plan.governance.keyDecision,
      callInApplies: callInApplies(plan),
      callInRule: overview.callInRule,
      callInUrgency: plan.governance.callInUrgency?.agreedBy ?? null,
    },
    callIn: overview.callIn,
  };
}

export async function sectionView(
  plan: Plan,
  section: Section,
  actor: Actor,
  names: Names,
): Promise<SectionDto> {
  const d = section.definition;
  return {
    planId: plan.id,
    planTitle: plan.title,
    planStatus: plan.status,
    leadId: plan.leadId,
    key: d.key,
    title: d.title,
    part: d.part,
    kind: d.kind,
    guidance: d.guidance,
    theme: d.theme ?? null,
    wordBudget: d.wordBudget,
    required: d.required,
    ownerId: section.ownerId,
    contributorIds: section.contributorIds,
    dueDate: section.dueDate,
    status: section.status,
    revision: section.revision,
    lastEdit: section.lastEdit,
    reviewComment: section.reviewComment,
    content: section.content,
    words: wordCount(section.content),
    promptQuestions: d.promptQuestions,
    promptAnswers: section.promptAnswers,
    figureFields: d.figureFields,
    figures: section.figures,
    shares: computeShares(d.figureFields, section.figures),
    contribution: contributionOf(section),
    canEdit: canEditSection(section, actor.id),
    canReview: plan.leadId === actor.id,
    people: await names([
      plan.leadId,
      ...(section.ownerId ? [section.ownerId] : []),
      ...section.contributorIds,
      ...(section.lastEdit ? [section.lastEdit.by] : []),
    ]),
  };
}

export async function versionView(found: PlanVersion, names: Names): Promise<VersionDto> {
  const { plan } = found;
  return {
    planId: plan.id,
    planTitle: plan.title,
    version: found.version,
    currentVersion: plan.contentVersion,
    hash: found.hash,
    isCurrent: found.isCurrent,
    sections: found.isCurrent
      ? plan.sections
          .filter((s) => s.content.length > 0)
          .map((s) => ({ key: s.definition.key, title: s.definition.title, content: s.content }))
      : null,
    stages: found.stages.map((s) => ({ key: s.key, title: s.title, state: s.state })),
    history: found.history.map((e) => ({
      at: e.at,
      actorId: e.actorId,
      command: e.command,
      summary: e.summary,
      onBehalfOf: e.onBehalfOf ?? null,
    })),
    people: await names(found.history.map((e) => e.actorId)),
  };
}
