/**
 * The SharePoint lists, declared once. Provisioning creates them from these declarations and the mappers
 * validate every item they read against them, so the two can never drift apart.
 */
import { UNREACHABLE_REASONS } from '../../ports/reachability.js';

export type ColumnType =
  | { readonly kind: 'text'; readonly maxLength: number }
  | { readonly kind: 'note' }
  | { readonly kind: 'number'; readonly integer: boolean }
  | { readonly kind: 'dateTime'; readonly dateOnly: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'choice'; readonly choices: readonly string[] };

export interface ColumnSchema {
  /** The internal name: the key in `fields`. ASCII, so SharePoint does not encode it. */
  readonly name: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly indexed?: boolean;
  /** Enforced by SharePoint; needs `indexed`. Used for idempotency keys. */
  readonly unique?: boolean;
}

export interface ListSchema {
  readonly key: string;
  readonly displayName: string;
  readonly description: string;
  readonly columns: readonly ColumnSchema[];
}

const text = (name: string, maxLength = 255, extra: Partial<ColumnSchema> = {}): ColumnSchema => ({
  name,
  type: { kind: 'text', maxLength },
  ...extra,
});
const note = (name: string): ColumnSchema => ({ name, type: { kind: 'note' } });
const integer = (name: string, extra: Partial<ColumnSchema> = {}): ColumnSchema => ({
  name,
  type: { kind: 'number', integer: true },
  ...extra,
});
const instant = (name: string, extra: Partial<ColumnSchema> = {}): ColumnSchema => ({
  name,
  type: { kind: 'dateTime', dateOnly: false },
  ...extra,
});
const day = (name: string, extra: Partial<ColumnSchema> = {}): ColumnSchema => ({
  name,
  type: { kind: 'dateTime', dateOnly: true },
  ...extra,
});
const choice = (
  name: string,
  choices: readonly string[],
  extra: Partial<ColumnSchema> = {},
): ColumnSchema => ({
  name,
  type: { kind: 'choice', choices },
  ...extra,
});
/** A unique, indexed key: the item's identity and the idempotency key of its creation. */
const key = (name: string): ColumnSchema => text(name, 255, { required: true, indexed: true, unique: true });
const planRef = text('PlanId', 64, { required: true, indexed: true });
/** Which save last wrote the item: a save sent again tells its own earlier write from someone else's. */
const writeKey = text('WriteKey', 64);

export const PLAN_STATUSES = [
  'drafting',
  'in-approval',
  'awaiting-decision',
  'decided',
  'published',
] as const;
export const SECTION_STATUSES = [
  'not-started',
  'drafting',
  'submitted',
  'accepted',
  'changes-requested',
] as const;
export const STAGE_STATES = ['waiting', 'open', 'approved', 'changes-requested'] as const;

export const plansList: ListSchema = {
  key: 'plans',
  displayName: 'PB Plans',
  description: 'Plan Builder: one item per plan.',
  columns: [
    key('PlanId'),
    text('Council', 255, { required: true }),
    text('TemplateId', 100, { required: true }),
    integer('TemplateVersion', { required: true }),
    text('ReportFormatId', 100, { required: true }),
    choice('Status', PLAN_STATUSES, { indexed: true, required: true }),
    text('LeadId', 64, { required: true, indexed: true }),
    integer('ContentVersion', { required: true }),
    text('VersionHash', 64),
    note('Details'),
    text('EditedBy', 64),
    writeKey,
  ],
};

export const sectionsList: ListSchema = {
  key: 'sections',
  displayName: 'PB Sections',
  description: 'Plan Builder: one item per section of a plan.',
  columns: [
    key('ItemKey'),
    planRef,
    text('SectionKey', 100, { required: true }),
    integer('Position', { required: true }),
    choice('Status', SECTION_STATUSES, { required: true }),
    text('OwnerId', 64, { indexed: true }),
    note('ContributorIds'),
    day('DueDate', { indexed: true }),
    integer('Revision', { required: true }),
    note('Definition'),
    note('Content'),
    note('Figures'),
    note('PromptAnswers'),
    text('LastEditBy', 64),
    instant('LastEditAt'),
    note('ReviewComment'),
    text('EditedBy', 64),
    writeKey,
    // How the text arrives: to follow, from outside the council, joint authors and their agreements (JSON).
    note('Contribution'),
  ],
};

export const stagesList: ListSchema = {
  key: 'stages',
  displayName: 'PB Approval stages',
  description: 'Plan Builder: one item per approval stage of a plan.',
  columns: [
    key('ItemKey'),
    planRef,
    text('StageKey', 100, { required: true }),
    integer('Position', { required: true }),
    choice('State', STAGE_STATES, { required: true, indexed: true }),
    integer('Round', { required: true }),
    text('BoundHash', 64),
    integer('BoundVersion'),
    note('Definition'),
    note('ApproverIds'),
    note('MandatoryIds'),
    note('Delegations'),
    instant('OpenedAt'),
    instant('ClosedAt'),
    text('EditedBy', 64),
    writeKey,
    // Each section's hash in the bound version (JSON), for stages re-opened only by the sections they cover.
    note('BoundSections'),
  ],
};

export const responsesList: ListSchema = {
  key: 'responses',
  displayName: 'PB Approval responses',
  description: 'Plan Builder: one item per response; the unique key makes a duplicate response impossible.',
  columns: [
    key('ResponseKey'),
    planRef,
    text('StageKey', 100, { required: true }),
    integer('Round', { required: true }),
    text('ApproverId', 64, { required: true }),
    text('ResponderId', 64, { required: true }),
    choice('Decision', ['approve', 'request-changes'], { required: true }),
    note('Comment'),
    instant('RespondedAt', { required: true }),
    text('Hash', 64, { required: true }),
    writeKey,
    // The version the responder saw and its sections' hashes (JSON): "what changed since you approved".
    note('Seen'),
  ],
};

export const auditList: ListSchema = {
  key: 'audit',
  displayName: 'PB Audit log',
  description: 'Plan Builder: who did what, when, to which version. Append-only.',
  columns: [
    key('EntryKey'),
    planRef,
    instant('At', { required: true, indexed: true }),
    text('ActorId', 64, { required: true }),
    text('Command', 64, { required: true }),
    integer('Version', { required: true }),
    text('Hash', 64, { required: true }),
    note('Summary'),
    // Whom the actor acted for: the outside organisation whose text an officer entered.
    text('OnBehalfOf', 255),
  ],
};

export const conversationsList: ListSchema = {
  key: 'conversations',
  displayName: 'PB Bot conversations',
  description: 'Plan Builder: where the bot can reach people, group chats and channels.',
  columns: [
    key('ConversationKey'),
    choice('Kind', ['personal', 'groupChat', 'channel'], { required: true, indexed: true }),
    text('ConversationId', 255, { required: true }),
    text('ServiceUrl', 255, { required: true }),
    text('TenantId', 64, { required: true }),
    text('BotId', 255, { required: true }),
    text('UserId', 64, { indexed: true }),
    instant('UpdatedAt', { required: true }),
    // Set when a send found the conversation cannot be reached; cleared when Teams shows it again.
    choice('Unreachable', UNREACHABLE_REASONS),
    instant('UnreachableSince'),
    note('UnreachableDetail'),
  ],
};

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed'] as const;

export const outboxList: ListSchema = {
  key: 'outbox',
  displayName: 'PB Notification outbox',
  description: 'Plan Builder: every proactive message, once, under its idempotency key.',
  columns: [
    key('MessageKey'),
    planRef,
    choice('State', OUTBOX_STATES, { required: true, indexed: true }),
    choice('RecipientKind', ['user', 'conversation'], { required: true }),
    text('RecipientId', 255, { required: true }),
    note('Text'),
    note('Card'),
    text('ReplacesKey', 255),
    note('Live'),
    instant('NotBefore', { required: true }),
    instant('NextAttemptAt', { required: true }),
    integer('Attempts', { required: true }),
    note('LastError'),
    text('ConversationId', 255),
    text('ActivityId', 255),
    // An entry given up on because its recipient cannot be reached: why, and when that was found.
    choice('Unreachable', UNREACHABLE_REASONS),
    instant('UnreachableAt'),
  ],
};

/** Decimal numbers: KPI values and their bases. */
const decimal = (name: string, extra: Partial<ColumnSchema> = {}): ColumnSchema => ({
  name,
  type: { kind: 'number', integer: false },
  ...extra,
});

export const KPI_UNIT_CHOICES = ['currency-gbp', 'count', 'hours', 'percent', 'number'] as const;
export const KPI_DIRECTION_CHOICES = ['higher-is-better', 'lower-is-better'] as const;
export const KPI_FREQUENCY_CHOICES = ['monthly', 'quarterly', 'annually'] as const;
export const SHARE_UNIT_CHOICES = ['currency-gbp', 'count', 'hours'] as const;
export const MILESTONE_STATUS_CHOICES = ['not-started', 'in-progress', 'at-risk', 'complete'] as const;

export const kpisList: ListSchema = {
  key: 'kpis',
  displayName: 'PB KPIs',
  description: 'Plan Builder: one item per KPI of a plan (Title is the KPI name).',
  columns: [
    key('KpiId'),
    planRef,
    note('Definition'),
    choice('Unit', KPI_UNIT_CHOICES, { required: true }),
    text('PartLabel', 100),
    text('WholeLabel', 100),
    choice('ShareUnit', SHARE_UNIT_CHOICES),
    choice('Direction', KPI_DIRECTION_CHOICES, { required: true }),
    text('OwnerId', 64, { required: true, indexed: true }),
    choice('Frequency', KPI_FREQUENCY_CHOICES, { required: true }),
    text('Source', 255),
    integer('Theme'),
    decimal('BaselineValue', { required: true }),
    decimal('BaselinePart'),
    decimal('BaselineWhole'),
    day('BaselineDate', { required: true }),
    decimal('TargetValue', { required: true }),
    day('TargetDate', { required: true }),
    choice('KpiStatus', ['active', 'retired'], { required: true }),
    integer('Revision', { required: true }),
    text('UpdatedBy', 64, { required: true }),
    instant('UpdatedAt', { required: true }),
  ],
};

export const kpiValuesList: ListSchema = {
  key: 'kpiValues',
  displayName: 'PB KPI values',
  description:
    'Plan Builder: one item per KPI check-in; the unique ValueKey (KPI and period) makes a second value for a period impossible.',
  columns: [
    key('ValueKey'),
    planRef,
    text('KpiId', 64, { required: true, indexed: true }),
    text('PeriodKey', 16, { required: true }),
    day('AsOf', { required: true }),
    decimal('Value', { required: true }),
    decimal('Part'),
    decimal('Whole'),
    note('Commentary'),
    text('RecordedBy', 64, { required: true }),
    instant('RecordedAt', { required: true }),
    text('UpdatedBy', 64),
    instant('UpdatedAt'),
  ],
};

export const milestonesList: ListSchema = {
  key: 'milestones',
  displayName: 'PB Milestones',
  description: 'Plan Builder: one item per implementation milestone of a plan (Title is the milestone).',
  columns: [
    key('MilestoneId'),
    planRef,
    text('OwnerId', 64, { required: true, indexed: true }),
    day('DueDate', { required: true, indexed: true }),
    integer('Theme'),
    choice('MilestoneStatus', MILESTONE_STATUS_CHOICES, { required: true }),
    day('CompletedOn'),
    note('Note'),
    integer('Revision', { required: true }),
    text('UpdatedBy', 64, { required: true }),
    instant('UpdatedAt', { required: true }),
  ],
};

export const PROGRESS_UPDATE_STATUS_CHOICES = [
  'draft',
  'in-approval',
  'changes-requested',
  'approved',
  'published',
] as const;

export const progressUpdatesList: ListSchema = {
  key: 'progressUpdates',
  displayName: 'PB Progress updates',
  description:
    'Plan Builder: one item per progress update of a plan (a plan and a period), with its approvals.',
  columns: [
    key('UpdateKey'),
    planRef,
    text('PeriodKey', 16, { required: true }),
    choice('UpdateStatus', PROGRESS_UPDATE_STATUS_CHOICES, { required: true, indexed: true }),
    integer('Version', { required: true }),
    text('Hash', 64),
    note('Details'),
    integer('Revision', { required: true }),
    text('UpdatedBy', 64, { required: true }),
    instant('UpdatedAt', { required: true }),
  ],
};

export const allLists: readonly ListSchema[] = [
  plansList,
  sectionsList,
  stagesList,
  responsesList,
  auditList,
  conversationsList,
  outboxList,
  kpisList,
  kpiValuesList,
  milestonesList,
  progressUpdatesList,
];

/** Columns on the site's document library, describing every plan document stored there. */
export const DOCUMENT_STATUSES = ['frozen', 'published'] as const;

export const libraryColumns: readonly ColumnSchema[] = [
  text('PlanId', 64, { indexed: true }),
  integer('PlanVersion'),
  text('ContentHash', 64),
  choice('DocumentStatus', DOCUMENT_STATUSES, { indexed: true }),
  day('RetainUntil'),
];

/** The column definition Graph expects when creating a column. */
export function graphColumnDefinition(column: ColumnSchema): Record<string, unknown> {
  const common = {
    name: column.name,
    ...(column.required ? { required: true } : {}),
    ...(column.indexed ? { indexed: true } : {}),
    ...(column.unique ? { enforceUniqueValues: true } : {}),
  };
  switch (column.type.kind) {
    case 'text':
      return { ...common, text: { maxLength: column.type.maxLength } };
    case 'note':
      return { ...common, text: { allowMultipleLines: true, textType: 'plain' } };
    case 'number':
      return { ...common, number: { decimalPlaces: column.type.integer ? 'none' : 'automatic' } };
    case 'dateTime':
      return { ...common, dateTime: { format: column.type.dateOnly ? 'dateOnly' : 'dateTime' } };
    case 'boolean':
      return { ...common, boolean: {} };
    case 'choice':
      return { ...common, choice: { choices: [...column.type.choices] } };
  }
}
