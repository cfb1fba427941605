/** A new plan from a plan template and a council's report format. */
import type { Actor } from './commands.js';
import type { AuditEntry, DomainEvent } from './events.js';
import { contentHash } from '../documents/content-hash.js';
import {
  inferredSteps,
  initialKeyDecision,
  keyDecisionProblem,
  planGovernance,
} from '../governance/governance.js';
import type {
  ApprovalStage,
  HeaderValue,
  IsoDateTime,
  PersonId,
  Plan,
  PlanDates,
  Section,
  SectionDefinition,
} from './plan.js';
import type { HeadingKind, ReportFormat, RoleDefinition } from '../templates/report-format.js';
import { ok, refuse, type Result } from '../support/result.js';
import type { RichText } from '../sections/rich-text.js';
import type { PlanTemplate } from '../templates/template.js';

export interface NewPlanInput {
  readonly id: string;
  readonly title: string;
  readonly leadId: PersonId;
  readonly roles?: Readonly<Record<string, readonly PersonId[]>>;
  readonly dates?: Partial<PlanDates>;
  readonly header?: Readonly<Record<string, HeaderValue>>;
}

export const PLAN_LEAD_ROLE = 'plan-lead';
export const IMPLICATION_OFFICERS = 'implication-officers';
export const MAX_TITLE_CHARS = 255;

/** Cover-report headings whose text someone writes; the others are assembled from elsewhere. */
const WRITTEN_HEADINGS: ReadonlySet<HeadingKind> = new Set([
  'summary',
  'recommendations',
  'reasons',
  'narrative',
  'corporate-plan-objectives',
  'background-papers',
  'options',
]);

const REPORT_WORD_BUDGET = 300;
/** What an implications paragraph says when there are none, unless the format words it otherwise. */
export const DEFAULT_NONE_TEXT = 'None.';

function planSectionDefinitions(template: PlanTemplate): SectionDefinition[] {
  return template.sections.map((s) => ({
    key: s.key,
    title: s.title,
    part: 'plan',
    kind: s.kind,
    guidance: s.guidance,
    wordBudget: s.wordBudget,
    required: s.required,
    ...(s.theme === undefined ? {} : { theme: s.theme }),
    promptQuestions: s.promptQuestions,
    figureFields: s.figures,
  }));
}

export function reportSectionDefinitions(format: ReportFormat): SectionDefinition[] {
  const written = format.headings
    .filter((h) => WRITTEN_HEADINGS.has(h.kind))
    .map((h): SectionDefinition => ({
      key: `report.${h.key}`,
      title: h.title,
      part: 'report',
      kind: 'report',
      guidance: h.guidance ?? '',
      wordBudget: REPORT_WORD_BUDGET,
      required: h.kind !== 'background-papers',
      promptQuestions: [],
      figureFields: [],
    }));
  const implications = format.implications.headings.map((i): SectionDefinition => ({
    key: `implications.${i.key}`,
    title: i.title,
    part: 'implications',
    kind: 'implications',
    guidance: i.completedByRole ? `Completed by the ${roleTitle(format, i.completedByRole)}.` : '',
    wordBudget: 150,
    required: true,
    promptQuestions: [],
    figureFields: [],
    ...(i.completedByRole === undefined ? {} : { completedByRole: i.completedByRole }),
    noneText: i.noneText ?? format.implications.noneText ?? DEFAULT_NONE_TEXT,
  }));
  return [...written, ...implications];
}

function roleTitle(format: ReportFormat, role: string): string {
  return format.roles.find((r) => r.key === role)?.title ?? role;
}

export function defaultContent(format: ReportFormat, definition: SectionDefinition): RichText {
  if (definition.part !== 'implications') return [];
  const heading = format.implications.headings.find((i) => `implications.${i.key}` === definition.key);
  const text = heading?.defaultText;
  return text ? [{ type: 'paragraph', children: [{ type: 'text', text }] }] : [];
}

export function newSection(
  definition: SectionDefinition,
  content: RichText,
  ownerId: PersonId | null,
): Section {
  return {
    definition,
    ownerId,
    contributorIds: [],
    dueDate: null,
    status: 'not-started',
    content,
    figures: Object.fromEntries(
      definition.figureFields.filter((f) => f.kind === 'entered').map((f) => [f.key, null]),
    ),
    promptAnswers: {},
    revision: 0,
    lastEdit: null,
    reviewComment: null,
    toFollow: null,
    outsideParty: null,
    jointAuthors: false,
    agreements: [],
  };
}

export function newStages(format: ReportFormat): ApprovalStage[] {
  const steps = inferredSteps(format.approvalChain, planGovernance(format).model);
  return format.approvalChain.map((stage, i) => ({
    key: stage.key,
    title: stage.title,
    kind: stage.kind,
    rule: stage.rule,
    approverRoles: stage.approverRoles,
    mandatoryRoles: stage.mandatoryRoles,
    allowsPending: stage.allowsPending ?? stage.kind !== 'decision',
    reopens: stage.reopens ?? 'any-change',
    covers: stage.covers ?? [],
    approverIds: [],
    mandatoryIds: [],
    delegations: [],
    state: 'waiting',
    round: 0,
    boundHash: null,
    boundVersion: null,
    boundSections: null,
    responses: [],
    openedAt: null,
    closedAt: null,
    ...(stage.outcomes === undefined ? {} : { outcomes: stage.outcomes }),
    ...(stage.publishableOutcomes === undefined ? {} : { publishableOutcomes: stage.publishableOutcomes }),
    ...(stage.decisionBody === undefined ? {} : { decisionBody: stage.decisionBody }),
    ...(steps[i] === undefined ? {} : { timelineStep: steps[i] }),
  }));
}

export function validateRoleBinding(
  definitions: readonly RoleDefinition[],
  role: string,
  personIds: readonly PersonId[],
): string | null {
  if (role === PLAN_LEAD_ROLE) return personIds.length === 1 ? null : 'There must be exactly one plan lead.';
  const definition = definitions.find((r) => r.key === role);
  if (!definition) return `"${role}" is not a role of this plan's report format.`;
  if (new Set(personIds).size !== personIds.length) return `${definition.title} lists someone twice.`;
  if (!definition.group && personIds.length > 1) return `${definition.title} is held by one person.`;
  return null;
}

export interface CreatedPlan {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
  readonly audit: AuditEntry;
}

export function createPlan(
  template: PlanTemplate,
  format: ReportFormat,
  input: NewPlanInput,
  actor: Actor,
  now: IsoDateTime,
): Result<CreatedPlan> {
  const title = input.title.trim();
  if (title === '') return refuse('VALIDATION', 'Give the plan a title.');
  if (title.length > MAX_TITLE_CHARS) {
    return refuse('VALIDATION', `The title is ${title.length} characters; the limit is ${MAX_TITLE_CHARS}.`);
  }
  const roles: Record<string, readonly PersonId[]> = {
    ...(input.roles ?? {}),
    [PLAN_LEAD_ROLE]: [input.leadId],
  };
  for (const [role, people] of Object.entries(roles)) {
    const problem = validateRoleBinding(format.roles, role, people);
    if (problem) return refuse('VALIDATION', problem, { role });
  }
  for (const key of Object.keys(input.header ?? {})) {
    if (!format.headerFields.some((f) => f.key === key)) {
      return refuse('VALIDATION', `"${key}" is not a header field of the ${format.council} report format.`);
    }
  }

  const governance = planGovernance(format);
  const keyDecision = input.dates?.keyDecision ?? initialKeyDecision(format);
  const keyProblem = keyDecisionProblem(governance, keyDecision);
  if (keyProblem) return refuse('VALIDATION', keyProblem);

  const definitions = [...planSectionDefinitions(template), ...reportSectionDefinitions(format)];
  for (const stage of format.approvalChain) {
    const unknown = (stage.covers ?? []).filter((key) => !definitions.some((d) => d.key === key));
    if (unknown.length > 0) {
      return refuse(
        'VALIDATION',
        `"${stage.title}" covers ${unknown.map((k) => `"${k}"`).join(', ')}, which ${template.name} has no section for.`,
        { stageKey: stage.key, sections: unknown },
      );
    }
  }
  const sections = definitions.map((definition) => {
    const holder = definition.completedByRole ? (roles[definition.completedByRole]?.[0] ?? null) : null;
    return newSection(definition, defaultContent(format, definition), holder);
  });

  const draft: Plan = {
    id: input.id,
    title,
    council: format.council,
    templateId: template.id,
    templateVersion: template.version,
    reportFormatId: format.id,
    pageBudget: { minPages: template.pageBudget.minPages, maxPages: template.pageBudget.maxPages },
    status: 'drafting',
    leadId: input.leadId,
    roleDefinitions: format.roles,
    headerFields: format.headerFields,
    governance,
    roles,
    dates: {
      submissionDeadline: input.dates?.submissionDeadline ?? template.submission.deadline,
      decisionMeeting: input.dates?.decisionMeeting ?? null,
      keyDecision,
      managementTeamMeeting: input.dates?.managementTeamMeeting ?? null,
    },
    header: input.header ?? {},
    sections,
    stages: newStages(format),
    contentVersion: 0,
    versionHash: '',
    decision: null,
    publication: null,
    submission: null,
    managementTeamChat: null,
    createdBy: actor.id,
    createdAt: now,
  };
  const assigned: DomainEvent[] = sections.flatMap((section) =>
    section.ownerId === null
      ? []
      : [
          {
            type: 'SectionAssigned' as const,
            planId: draft.id,
            sectionKey: section.definition.key,
            ownerId: section.ownerId,
            contributorIds: [],
            dueDate: null,
            previousOwnerId: null,
          },
        ],
  );
  const hash = contentHash(draft);
  return ok({
    plan: draft,
    events: [{ type: 'PlanCreated', planId: draft.id }, ...assigned],
    audit: {
      at: now,
      planId: draft.id,
      actorId: actor.id,
      command: 'createPlan',
      version: draft.contentVersion,
      hash,
      summary: `Created "${title}" from ${template.name} in the ${format.council} report format`,
    },
  });
}
