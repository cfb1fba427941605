/** "New plan from template": the plan lead picks a template, a report format and dates. */
import type { Actor } from '../../domain/plan/commands.js';
import { createPlan, type NewPlanInput } from '../../domain/plan/create-plan.js';
import { refuse, type Result } from '../../domain/support/result.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import type { EventSink } from '../../ports/event-sink.js';
import type { PlanStore, StoredPlan } from '../../ports/plan-store.js';
import type { TemplateCatalog } from '../../ports/template-catalog.js';

export interface CreatePlanDeps {
  readonly store: PlanStore;
  readonly catalog: TemplateCatalog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventSink;
}

export interface CreatePlanRequest extends Omit<NewPlanInput, 'id' | 'leadId'> {
  readonly templateId: string;
  readonly reportFormatId: string;
  /** Given by a client that may retry, so a retried request finds the plan it already created. */
  readonly planId?: string;
}

export async function createPlanFromTemplate(
  deps: CreatePlanDeps,
  request: CreatePlanRequest,
  actor: Actor,
): Promise<Result<StoredPlan>> {
  const template = deps.catalog.planTemplates.find((t) => t.id === request.templateId);
  if (!template) return refuse('VALIDATION', `There is no plan template "${request.templateId}".`);
  const format = deps.catalog.reportFormats.find((f) => f.id === request.reportFormatId);
  if (!format) return refuse('VALIDATION', `There is no report format "${request.reportFormatId}".`);
  const id = request.planId ?? deps.ids.newId();
  const existing = await deps.store.load(id);
  if (existing.ok) {
    return existing.value.plan.createdBy === actor.id
      ? existing
      : refuse('CONFLICT', 'A different plan already has this id.');
  }
  const created = createPlan(template, format, { ...request, id, leadId: actor.id }, actor, deps.clock.now());
  if (!created.ok) return created;
  const stored = await deps.store.create(created.value.plan, created.value.audit);
  if (stored.ok) await deps.events.publish(stored.value.plan, created.value.events);
  return stored;
}
