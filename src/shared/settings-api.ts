/**
 * The plan settings view's API (plan lead only): the plan's title, dates, every role, every header value
 * the report format declares, each approval stage's rule, and archiving or deleting the plan.
 */
import type {
  HeaderValue,
  IsoDate,
  IsoDateTime,
  PersonId,
  PlanDates,
  PlanStatus,
} from '../domain/plan/plan.js';
import type { ApprovalRule, HeaderFieldType } from '../domain/templates/report-format.js';
import type { PeopleDto } from './api.js';

export interface SettingsRoleDto {
  readonly key: string;
  readonly title: string;
  readonly group: boolean;
  readonly description: string | null;
  readonly personIds: readonly PersonId[];
  /** The approval stages whose approvers this role names (their titles). */
  readonly approvesIn: readonly string[];
}

export interface SettingsHeaderFieldDto {
  readonly key: string;
  readonly label: string;
  readonly type: HeaderFieldType;
  readonly required: boolean;
  readonly choices: readonly string[];
  /** The value typed for the plan (a person's id for a person field), or null. */
  readonly value: HeaderValue;
  /** For a person field left empty: the role whose holder the report names instead, and who that is. */
  readonly fallback: { readonly roleTitle: string; readonly names: string } | null;
  /** Whether the cover report prints something for it. */
  readonly filled: boolean;
}

export interface SettingsStageDto {
  readonly key: string;
  readonly title: string;
  readonly state: 'waiting' | 'open' | 'approved' | 'changes-requested';
  readonly round: number;
  readonly rule: ApprovalRule;
  /** The rule as a sentence, e.g. "3 of those named must approve, including the Accountable Director". */
  readonly ruleText: string;
  readonly approverRoles: readonly { readonly key: string; readonly title: string }[];
  readonly mandatoryRoles: readonly string[];
  /** An open round keeps its rule; the rule can change only while the stage is not open. */
  readonly editable: boolean;
}

/** GET /api/plans/:planId/settings (plan lead only) and the answer of every settings change. */
export interface PlanSettingsDto {
  readonly id: string;
  readonly title: string;
  readonly council: string;
  readonly status: PlanStatus;
  readonly reportFormat: { readonly id: string; readonly name: string };
  /** The formats the plan can move to (every one in the catalog, its own included). */
  readonly reportFormats: readonly { readonly id: string; readonly name: string; readonly council: string }[];
  /** Why the format can no longer change (approvals have started), or null while it can. */
  readonly formatFixed: string | null;
  readonly archived: { readonly by: PersonId; readonly at: IsoDateTime } | null;
  /** Deleting is possible only before any approval round has started. */
  readonly canDelete: boolean;
  readonly dates: PlanDates;
  readonly roles: readonly SettingsRoleDto[];
  readonly headerFields: readonly SettingsHeaderFieldDto[];
  /** Labels of the required header fields the report would print empty. */
  readonly missingHeader: readonly string[];
  readonly stages: readonly SettingsStageDto[];
  readonly people: PeopleDto;
}

/** PUT /api/plans/:planId/title */
export interface SetTitleRequest {
  readonly title: string;
}

/**
 * PUT /api/plans/:planId/header: the values to set (null or "" clears one). Every value is checked before
 * any is kept; a refusal's `details.fields` names the problem of each field by key.
 */
export interface SetHeaderRequest {
  readonly values: Readonly<Record<string, HeaderValue>>;
}

/** PUT /api/plans/:planId/stages/:stageKey/rule */
export interface SetStageRuleRequest {
  readonly rule: ApprovalRule;
  readonly mandatoryRoles: readonly string[];
}

/**
 * PUT /api/plans/:planId/report-format: move the plan to another report format (before approvals start).
 * Refused with UNPLACED_TEXT (`details.sections`, `details.headerFields`) when typed text has no place in it.
 */
export interface ChangeReportFormatRequest {
  readonly reportFormatId: string;
}

/** POST /api/plans/:planId/archive */
export interface ArchivePlanRequest {
  readonly archived: boolean;
}

export type { IsoDate };
