/** From the KPI and progress-update use cases' answers to the DTOs the tab reads (src/shared/kpi-api.ts). */
import { renderHtmlBody } from '../../documents/html.js';
import { themeTitlesOf } from './plan-dtos.js';
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import { defaultCheckInPolicy, dueByOf } from '../../domain/kpis/check-ins.js';
import type { Actor } from '../../domain/plan/commands.js';
import type { DocumentModel } from '../../domain/documents/document-model.js';
import { mayManageKpis, planThemes, type KpiValue } from '../../domain/kpis/kpi.js';
import type { PlanOverview } from '../../domain/kpis/overview.js';
import { periodFromKey, periodOf } from '../../domain/kpis/periods.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import type { ProgressUpdate } from '../../domain/kpis/progress-update.js';
import type { PeopleDto } from '../../shared/api.js';
import type { KpiOverviewDto, ProgressUpdateDto } from '../../shared/kpi-api.js';
import { awaitedAnswer } from './my-turn.js';

type Names = (ids: Iterable<PersonId>) => Promise<PeopleDto>;

export async function kpiOverviewView(
  plan: Plan,
  overview: PlanOverview,
  values: readonly KpiValue[],
  calendar: BankHolidayCalendar,
  actor: Actor,
  names: Names,
): Promise<KpiOverviewDto> {
  const isLead = plan.leadId === actor.id;
  const kpis = overview.kpis.map((card) => {
    const running = periodOf(card.kpi.frequency, overview.asOf);
    return {
      kpi: card.kpi,
      rag: card.rag,
      trend: card.trend,
      values: values.filter((v) => v.kpiId === card.kpi.id).sort((a, b) => a.asOf.localeCompare(b.asOf)),
      missing: card.missing,
      nextCheckIn: { period: running, dueBy: dueByOf(running, calendar, defaultCheckInPolicy) },
      canRecord: isLead || card.kpi.ownerId === actor.id,
    };
  });
  const milestones = overview.milestones.map((m) => ({
    ...m,
    canUpdate: isLead || m.milestone.ownerId === actor.id,
  }));
  return {
    planId: plan.id,
    planTitle: plan.title,
    planStatus: plan.status,
    asOf: overview.asOf,
    themes: planThemes(plan),
    themeTitles: themeTitlesOf(plan),
    kpis,
    milestones,
    canManage: mayManageKpis(plan, actor.id),
    isLead,
    people: await names([
      plan.leadId,
      ...kpis.flatMap((k) => [k.kpi.ownerId, ...k.values.map((v) => v.recordedBy)]),
      ...milestones.map((m) => m.milestone.ownerId),
    ]),
  };
}

export async function progressUpdateView(
  plan: Plan,
  preview: { update: ProgressUpdate; model: DocumentModel; hash: string },
  actor: Actor,
  names: Names,
): Promise<ProgressUpdateDto> {
  const { update } = preview;
  const stages = update.stages.map((stage) => ({
    key: stage.key,
    title: stage.title,
    state: stage.state,
    round: stage.round,
    approverIds: stage.approverIds,
    responses: stage.responses,
    myTurn: awaitedAnswer(plan, stage, actor.id) !== null,
  }));
  return {
    planId: plan.id,
    planTitle: plan.title,
    periodKey: update.periodKey,
    periodLabel: periodFromKey(update.periodKey)?.label ?? update.periodKey,
    status: update.status,
    summary: update.summary,
    version: update.version,
    hash: preview.hash,
    submittedHash: update.hash,
    stages,
    publication: update.publication,
    previewHtml: renderHtmlBody(preview.model),
    isLead: plan.leadId === actor.id,
    people: await names([
      plan.leadId,
      ...stages.flatMap((s) => [...s.approverIds, ...s.responses.map((r) => r.responderId)]),
    ]),
  };
}
