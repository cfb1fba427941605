/** The plan settings view's answer (src/shared/settings-api.ts), from the plan as it now stands. */
import { holdersOf } from '../../domain/approvals/approvers.js';
import { IMPLICATION_OFFICERS } from '../../domain/plan/create-plan.js';
import { headerFieldFilled, missingHeaderFields } from '../../domain/plan/header-values.js';
import type { ApprovalStage, PersonId, Plan } from '../../domain/plan/plan.js';
import type { HeaderField, ReportFormat } from '../../domain/templates/report-format.js';
import { ruleSentence } from '../../domain/wording/approval-rule.js';
import type { PeopleDto } from '../../shared/api.js';
import type { PlanSettingsDto, SettingsHeaderFieldDto, SettingsStageDto } from '../../shared/settings-api.js';

type Names = (ids: Iterable<PersonId>) => Promise<PeopleDto>;

function roleTitle(plan: Plan, role: string): string {
  if (role === IMPLICATION_OFFICERS) return 'Officers named for the implications';
  return plan.roleDefinitions.find((r) => r.key === role)?.title ?? role;
}

function headerFieldView(plan: Plan, field: HeaderField, people: PeopleDto): SettingsHeaderFieldDto {
  const value = field.binds === 'key-decision' ? plan.dates.keyDecision : (plan.header[field.key] ?? null);
  const role = field.type === 'person' && field.defaultRole !== undefined ? field.defaultRole : null;
  const holders = role === null ? [] : (plan.roles[role] ?? []);
  const group = plan.roleDefinitions.find((r) => r.key === role)?.group === true;
  const fallback =
    role === null || value !== null
      ? null
      : {
          roleTitle: roleTitle(plan, role),
          names: group
            ? roleTitle(plan, role)
            : holders.map((id) => people[id]?.displayName ?? id).join(', '),
        };
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    choices: field.choices ?? [],
    value,
    fallback,
    filled: headerFieldFilled(plan, field),
  };
}

function stageView(plan: Plan, stage: ApprovalStage): SettingsStageDto {
  const count =
    stage.state === 'waiting' ? holdersOf(plan, stage.approverRoles).length : stage.approverIds.length;
  return {
    key: stage.key,
    title: stage.title,
    state: stage.state,
    round: stage.round,
    rule: stage.rule,
    ruleText: ruleSentence({
      rule: stage.rule,
      count: count > 0 ? count : null,
      mandatory: stage.mandatoryRoles.map((role) => roleTitle(plan, role)),
    }),
    approverRoles: stage.approverRoles.map((key) => ({ key, title: roleTitle(plan, key) })),
    mandatoryRoles: stage.mandatoryRoles,
    editable: stage.state !== 'open',
  };
}

/** Why the plan's report format can no longer change, or null while it can. */
export function formatFixed(plan: Plan): string | null {
  const started = plan.stages.find((s) => s.round > 0);
  if (started) return `Approvals have started ("${started.title}"): the cover report stays in this format.`;
  if (plan.status !== 'drafting') return 'Approvals have started: the cover report stays in this format.';
  return null;
}

export async function settingsView(
  plan: Plan,
  formats: readonly Pick<ReportFormat, 'id' | 'name' | 'council'>[],
  names: Names,
): Promise<PlanSettingsDto> {
  const format = formats.find((f) => f.id === plan.reportFormatId);
  const personIds = [
    plan.leadId,
    ...Object.values(plan.roles).flat(),
    ...plan.headerFields
      .filter((f) => f.type === 'person')
      .map((f) => plan.header[f.key])
      .filter((v): v is string => typeof v === 'string' && v !== ''),
    ...(plan.lifecycle ? [plan.lifecycle.by] : []),
  ];
  const people = await names(personIds);
  const stages = plan.stages.filter((s) => s.kind !== 'decision');
  return {
    id: plan.id,
    title: plan.title,
    council: plan.council,
    status: plan.status,
    reportFormat: { id: plan.reportFormatId, name: format?.name ?? plan.reportFormatId },
    reportFormats: formats.map((f) => ({ id: f.id, name: f.name, council: f.council })),
    formatFixed: formatFixed(plan),
    archived: plan.lifecycle?.state === 'archived' ? { by: plan.lifecycle.by, at: plan.lifecycle.at } : null,
    canDelete: plan.stages.every((s) => s.round === 0),
    dates: plan.dates,
    roles: plan.roleDefinitions.map((role) => ({
      key: role.key,
      title: role.title,
      group: role.group,
      description: role.description ?? null,
      personIds: plan.roles[role.key] ?? [],
      approvesIn: stages.filter((s) => s.approverRoles.includes(role.key)).map((s) => s.title),
    })),
    headerFields: plan.headerFields.map((field) => headerFieldView(plan, field, people)),
    missingHeader: missingHeaderFields(plan).map((f) => f.label),
    stages: stages.map((stage) => stageView(plan, stage)),
    people,
  };
}
