/** The plan aggregate to and from list items: one plan item, and items per section, stage and response. */
import type { AuditEntry } from '../../domain/plan/events.js';
import { defaultGovernance } from '../../domain/governance/governance.js';
import type { ApprovalStage, Plan, Section, StageResponse } from '../../domain/plan/plan.js';
import { validateRichText } from '../../domain/sections/rich-text.js';
import type { z } from 'zod';
import type { Fields } from './graph-lists.js';
import {
  auditList,
  plansList,
  responsesList,
  sectionsList,
  stagesList,
  type ListSchema,
} from './list-schema.js';
import { dayToField, FieldReader, StoredDataError, type StoredItem } from './stored-item.js';
import {
  contentJson,
  contributionJson,
  sectionHashesJson,
  seenJson,
  delegationsJson,
  figuresJson,
  idListJson,
  planDetailsJson,
  promptAnswersJson,
  sectionDefinitionJson,
  stageDefinitionJson,
} from './stored-json.js';

export const sectionItemKey = (planId: string, sectionKey: string): string => `${planId}/${sectionKey}`;
export const stageItemKey = (planId: string, stageKey: string): string => `${planId}/${stageKey}`;
export const responseItemKey = (
  planId: string,
  r: Pick<StageResponse, 'round' | 'approverId'>,
  stageKey: string,
): string => `${planId}/${stageKey}/${r.round}/${r.approverId}`;

export function planFields(plan: Plan, editedBy: string): Fields {
  return {
    Title: plan.title,
    PlanId: plan.id,
    Council: plan.council,
    TemplateId: plan.templateId,
    TemplateVersion: plan.templateVersion,
    ReportFormatId: plan.reportFormatId,
    Status: plan.status,
    LeadId: plan.leadId,
    ContentVersion: plan.contentVersion,
    VersionHash: plan.versionHash,
    Details: JSON.stringify({
      pageBudget: plan.pageBudget,
      roleDefinitions: plan.roleDefinitions,
      headerFields: plan.headerFields,
      governance: plan.governance,
      roles: plan.roles,
      sectionKeys: plan.sections.map((s) => s.definition.key),
      stageKeys: plan.stages.map((s) => s.key),
      dates: plan.dates,
      header: plan.header,
      decision: plan.decision,
      publication: plan.publication,
      submission: plan.submission,
      managementTeamChat: plan.managementTeamChat,
      createdBy: plan.createdBy,
      createdAt: plan.createdAt,
      ...(plan.lifecycle ? { lifecycle: plan.lifecycle } : {}),
    }),
    EditedBy: editedBy,
  };
}

export function sectionFields(plan: Plan, section: Section, position: number, editedBy: string): Fields {
  return {
    Title: section.definition.title.slice(0, 255),
    ItemKey: sectionItemKey(plan.id, section.definition.key),
    PlanId: plan.id,
    SectionKey: section.definition.key,
    Position: position,
    Status: section.status,
    OwnerId: section.ownerId,
    ContributorIds: JSON.stringify(section.contributorIds),
    DueDate: dayToField(section.dueDate),
    Revision: section.revision,
    Definition: JSON.stringify(section.definition),
    Content: JSON.stringify(section.content),
    Figures: JSON.stringify(section.figures),
    PromptAnswers: JSON.stringify(section.promptAnswers),
    LastEditBy: section.lastEdit?.by ?? null,
    LastEditAt: section.lastEdit?.at ?? null,
    ReviewComment: section.reviewComment,
    EditedBy: editedBy,
    Contribution: JSON.stringify({
      toFollow: section.toFollow,
      outsideParty: section.outsideParty,
      jointAuthors: section.jointAuthors,
      agreements: section.agreements,
    }),
  };
}

/** A stage item holds the stage without its responses, which are items of their own. */
export function stageFields(plan: Plan, stage: ApprovalStage, position: number, editedBy: string): Fields {
  return {
    Title: stage.title.slice(0, 255),
    ItemKey: stageItemKey(plan.id, stage.key),
    PlanId: plan.id,
    StageKey: stage.key,
    Position: position,
    State: stage.state,
    Round: stage.round,
    BoundHash: stage.boundHash,
    BoundVersion: stage.boundVersion,
    Definition: JSON.stringify({
      title: stage.title,
      kind: stage.kind,
      rule: stage.rule,
      approverRoles: stage.approverRoles,
      mandatoryRoles: stage.mandatoryRoles,
      ...(stage.outcomes === undefined ? {} : { outcomes: stage.outcomes }),
      ...(stage.publishableOutcomes === undefined ? {} : { publishableOutcomes: stage.publishableOutcomes }),
      ...(stage.decisionBody === undefined ? {} : { decisionBody: stage.decisionBody }),
      ...(stage.timelineStep === undefined ? {} : { timelineStep: stage.timelineStep }),
      ...(stage.allowsPending === undefined ? {} : { allowsPending: stage.allowsPending }),
      ...(stage.reopens === undefined ? {} : { reopens: stage.reopens }),
      ...(stage.covers === undefined ? {} : { covers: stage.covers }),
    }),
    ApproverIds: JSON.stringify(stage.approverIds),
    MandatoryIds: JSON.stringify(stage.mandatoryIds),
    Delegations: JSON.stringify(stage.delegations),
    OpenedAt: stage.openedAt,
    ClosedAt: stage.closedAt,
    EditedBy: editedBy,
    BoundSections: stage.boundSections ? JSON.stringify(stage.boundSections) : null,
  };
}

export function responseFields(plan: Plan, stageKey: string, response: StageResponse): Fields {
  return {
    Title: `${stageKey} ${response.decision}`.slice(0, 255),
    ResponseKey: responseItemKey(plan.id, response, stageKey),
    PlanId: plan.id,
    StageKey: stageKey,
    Round: response.round,
    ApproverId: response.approverId,
    ResponderId: response.responderId,
    Decision: response.decision,
    Comment: response.comment,
    RespondedAt: response.at,
    Hash: response.hash,
    Seen: response.seen ? JSON.stringify(response.seen) : null,
  };
}

export function auditFields(entry: AuditEntry, entryKey: string): Fields {
  return {
    Title: entry.command,
    EntryKey: entryKey,
    PlanId: entry.planId,
    At: entry.at,
    ActorId: entry.actorId,
    Command: entry.command,
    Version: entry.version,
    Hash: entry.hash,
    Summary: entry.summary,
    OnBehalfOf: entry.onBehalfOf ?? null,
  };
}

/**
 * What an item reads as, worked out once per item: items are never changed in place (a write or a read
 * gives a new one), and a server keeping plans in memory reads the same items again and again.
 */
function once<T>(read: (item: StoredItem) => T): (item: StoredItem) => T {
  const memo = new WeakMap<StoredItem, T>();
  return (item) => {
    let value = memo.get(item);
    if (value === undefined) {
      value = read(item);
      memo.set(item, value);
    }
    return value;
  };
}

const readSection = once(function readSection(item: StoredItem): { position: number; section: Section } {
  const f = new FieldReader(sectionsList, item);
  const content = validateRichText(f.json('Content', contentJson));
  if (!content.ok)
    throw new StoredDataError(sectionsList.displayName, item.id, 'Content', content.error.message);
  const lastBy = f.optionalText('LastEditBy');
  const lastAt = f.optionalText('LastEditAt');
  return {
    position: f.number('Position'),
    section: {
      definition: f.json('Definition', sectionDefinitionJson),
      ownerId: f.optionalText('OwnerId'),
      contributorIds: f.json('ContributorIds', idListJson),
      dueDate: f.optionalDay('DueDate'),
      status: f.text('Status') as Section['status'],
      content: content.value,
      figures: f.json('Figures', figuresJson),
      promptAnswers: f.json('PromptAnswers', promptAnswersJson),
      revision: f.number('Revision'),
      lastEdit: lastBy && lastAt ? { by: lastBy, at: lastAt } : null,
      reviewComment: f.optionalText('ReviewComment'),
      ...(optionalJson(sectionsList, item, 'Contribution', contributionJson) ?? NO_CONTRIBUTION),
    },
  };
});

const readResponse = once(function readResponse(item: StoredItem): {
  stageKey: string;
  response: StageResponse;
} {
  const f = new FieldReader(responsesList, item);
  return {
    stageKey: f.text('StageKey'),
    response: {
      round: f.number('Round'),
      approverId: f.text('ApproverId'),
      responderId: f.text('ResponderId'),
      decision: f.text('Decision') as StageResponse['decision'],
      comment: f.optionalText('Comment'),
      at: f.text('RespondedAt'),
      hash: f.text('Hash'),
      seen: optionalJson(responsesList, item, 'Seen', seenJson),
    },
  };
});

/** A stage item holds the stage without its responses. */
const readStageItem = once(function readStageItem(item: StoredItem): {
  position: number;
  stage: Omit<ApprovalStage, 'responses'>;
} {
  const f = new FieldReader(stagesList, item);
  const definition = f.json('Definition', stageDefinitionJson);
  return {
    position: f.number('Position'),
    stage: {
      key: f.text('StageKey'),
      ...definition,
      approverIds: f.json('ApproverIds', idListJson),
      mandatoryIds: f.json('MandatoryIds', idListJson),
      delegations: f.json('Delegations', delegationsJson),
      state: f.text('State') as ApprovalStage['state'],
      round: f.number('Round'),
      boundHash: f.optionalText('BoundHash'),
      boundVersion: f.optionalNumber('BoundVersion'),
      boundSections: optionalJson(stagesList, item, 'BoundSections', sectionHashesJson),
      openedAt: f.optionalText('OpenedAt'),
      closedAt: f.optionalText('ClosedAt'),
    },
  };
});

function readStage(
  item: StoredItem,
  responses: readonly StageResponse[],
): { position: number; stage: ApprovalStage } {
  const { position, stage } = readStageItem(item);
  const sorted = [...responses].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { position, stage: { ...stage, responses: sorted } };
}

export interface PlanItems {
  readonly plan: StoredItem;
  readonly sections: readonly StoredItem[];
  readonly stages: readonly StoredItem[];
  readonly responses: readonly StoredItem[];
}

const planDetails = once((item: StoredItem) =>
  new FieldReader(plansList, item).json('Details', planDetailsJson),
);

export function planFromItems(items: PlanItems): Plan {
  const f = new FieldReader(plansList, items.plan);
  const details = planDetails(items.plan);
  const responses = items.responses.map(readResponse);
  // Items the plan no longer names (a format change cut short, or its clean-up still to come) are not part
  // of it; plans stored before the plan named its items have all of theirs.
  const named = (keys: readonly string[] | undefined, key: string): boolean =>
    keys === undefined || keys.includes(key);
  const sections = items.sections
    .map(readSection)
    .filter((s) => named(details.sectionKeys, s.section.definition.key))
    .sort((a, b) => a.position - b.position);
  const stages = items.stages
    .filter((item) => named(details.stageKeys, readStageItem(item).stage.key))
    .map((item) => {
      const key = readStageItem(item).stage.key;
      return readStage(
        item,
        responses.filter((r) => r.stageKey === key).map((r) => r.response),
      );
    })
    .sort((a, b) => a.position - b.position);
  return {
    id: f.text('PlanId'),
    title: f.text('Title'),
    council: f.text('Council'),
    templateId: f.text('TemplateId'),
    templateVersion: f.number('TemplateVersion'),
    reportFormatId: f.text('ReportFormatId'),
    pageBudget: details.pageBudget,
    status: f.text('Status') as Plan['status'],
    leadId: f.text('LeadId'),
    roleDefinitions: details.roleDefinitions,
    headerFields: details.headerFields,
    // Plans stored before governance was data were all an executive council's.
    governance: details.governance ?? defaultGovernance('Cabinet'),
    roles: details.roles,
    dates: details.dates,
    header: details.header,
    sections: sections.map((s) => s.section),
    stages: stages.map((s) => s.stage),
    contentVersion: f.number('ContentVersion'),
    versionHash: f.optionalText('VersionHash') ?? '',
    decision: details.decision,
    publication: details.publication,
    submission: details.submission,
    managementTeamChat: details.managementTeamChat ?? null,
    createdBy: details.createdBy,
    createdAt: details.createdAt,
    ...(details.lifecycle ? { lifecycle: details.lifecycle } : {}),
  };
}

export function auditFromItem(item: StoredItem): AuditEntry {
  const f = new FieldReader(auditList, item);
  return {
    at: f.text('At'),
    planId: f.text('PlanId'),
    actorId: f.text('ActorId'),
    command: f.text('Command'),
    version: f.number('Version'),
    hash: f.text('Hash'),
    summary: f.optionalText('Summary') ?? '',
    ...(f.optionalText('OnBehalfOf') === null ? {} : { onBehalfOf: f.optionalText('OnBehalfOf')! }),
  };
}

/** Items written before a column existed have no value for it. */
const NO_CONTRIBUTION = { toFollow: null, outsideParty: null, jointAuthors: false, agreements: [] };

/** A JSON column that may be empty (null), checked against its schema when present. */
function optionalJson<T>(list: ListSchema, item: StoredItem, name: string, schema: z.ZodType<T>): T | null {
  const raw = new FieldReader(list, item).optionalText(name);
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new StoredDataError(list.displayName, item.id, name, 'is not valid JSON');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new StoredDataError(
      list.displayName,
      item.id,
      name,
      `${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}
