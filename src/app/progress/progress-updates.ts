/**
 * Progress updates, from start to publication: the lead starts one for an ended period, writes the
 * summary, submits it; the approvers of the shorter chain respond; the lead publishes it to the document
 * library and a SharePoint page, as the plan was published. Every step re-reads the update and the data
 * it shows, so approvals bind to the content as it is (its hash), and a change to a KPI value after
 * approval was sought sends it round again. Writes carry the version read and are retried on conflict.
 */
import {
  assembleProgressUpdate,
  progressUpdateHash,
  type ProgressUpdateInput,
} from '../../domain/documents/assemble-progress-update.js';
import type { Actor } from '../../domain/plan/commands.js';
import type { DocumentModel } from '../../domain/documents/document-model.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import {
  defaultProgressPolicy,
  NO_CHANGE,
  openProgressUpdate,
  periodOfUpdate,
  progressUpdateId,
  publishProgress,
  respondToProgressUpdate,
  setSummary,
  submitProgressUpdate as submitUpdate,
  type Changed,
  type ProgressResponse,
  type ProgressUpdate,
  type ProgressUpdatePolicy,
} from '../../domain/kpis/progress-update.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { Clock } from '../../ports/clock.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { KpiStore, ProgressUpdateStore, Versioned } from '../../ports/kpi-store.js';
import type { PlanStore, StoredPlan } from '../../ports/plan-store.js';
import { auditEntry } from '../plans/audit-entry.js';
import type { ProgressRenderer } from '../../ports/progress-publishing.js';
import type { SitePagePublisher } from '../../ports/publishing.js';
import { retainUntil } from '../publication/publish-plan.js';

export interface ProgressDeps {
  readonly plans: PlanStore;
  readonly kpis: KpiStore;
  readonly updates: ProgressUpdateStore;
  readonly clock: Clock;
  /** Display names for the document, by person id. */
  readonly names: (ids: readonly PersonId[]) => Promise<Readonly<Record<PersonId, string>>>;
  /** The chain and frequency for a plan; by default its sign-off stages, quarterly. */
  readonly policyFor?: (plan: Plan) => ProgressUpdatePolicy;
}

export interface ProgressPublishDeps extends ProgressDeps {
  readonly documents: DocumentStore;
  readonly renderer: ProgressRenderer;
  readonly pages: SitePagePublisher;
}

export interface ProgressOutcome {
  readonly update: ProgressUpdate;
  readonly changed: boolean;
}

const MAX_ATTEMPTS = 6;

export const policyOf = (deps: Pick<ProgressDeps, 'policyFor'>, plan: Plan): ProgressUpdatePolicy =>
  deps.policyFor?.(plan) ?? defaultProgressPolicy(plan);

async function audit(deps: ProgressDeps, stored: StoredPlan, actor: Actor, command: string, summary: string) {
  const entry = auditEntry(deps.clock, stored, actor, command, summary);
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = attempt === 0 ? ok(stored) : await deps.plans.load(stored.plan.id);
    if (!current.ok) return;
    const saved = await deps.plans.save(current.value, current.value.plan, [entry], actor.id);
    if (saved.ok || saved.error.code !== 'CONFLICT') return;
  }
}

/** Everything the update's document shows, read now. */
export async function progressInput(
  deps: ProgressDeps,
  plan: Plan,
  update: ProgressUpdate,
): Promise<ProgressUpdateInput> {
  const stored = await deps.kpis.forPlan(plan.id);
  const kpis = stored.kpis.map((k) => k.item);
  const milestones = stored.milestones.map((m) => m.item);
  const ids = [...new Set([plan.leadId, ...kpis.map((k) => k.ownerId), ...milestones.map((m) => m.ownerId)])];
  return {
    plan,
    period: periodOfUpdate(update),
    kpis,
    values: stored.values.map((v) => v.item),
    milestones,
    summary: update.summary,
    people: await deps.names(ids),
    version: Math.max(1, update.version),
  };
}

export async function startProgressUpdate(
  deps: ProgressDeps,
  planId: string,
  periodKey: string,
  actor: Actor,
): Promise<Result<ProgressOutcome>> {
  const loaded = await deps.plans.load(planId);
  if (!loaded.ok) return loaded;
  const opened = openProgressUpdate(loaded.value.plan, policyOf(deps, loaded.value.plan), periodKey, {
    actor: actor.id,
    now: deps.clock.now(),
  });
  if (!opened.ok) return opened;
  const created = await deps.updates.createProgressUpdate(opened.value);
  if (!created.created) return ok({ update: created.stored.item, changed: false });
  await audit(
    deps,
    loaded.value,
    actor,
    'startProgressUpdate',
    `Started the progress update for ${periodKey}`,
  );
  return ok({ update: opened.value, changed: true });
}

/** The update as it would be published now, with the hash an approval would bind to. */
export async function previewProgressUpdate(
  deps: ProgressDeps,
  planId: string,
  periodKey: string,
): Promise<Result<{ update: ProgressUpdate; model: DocumentModel; hash: string }>> {
  const loaded = await deps.plans.load(planId);
  if (!loaded.ok) return loaded;
  const stored = await deps.updates.progressUpdate(progressUpdateId(planId, periodKey));
  if (!stored) return refuse('NOT_FOUND', `There is no progress update for ${periodKey}.`);
  const input = await progressInput(deps, loaded.value.plan, stored.item);
  return ok({ update: stored.item, model: assembleProgressUpdate(input), hash: progressUpdateHash(input) });
}

type Step = (
  plan: Plan,
  update: ProgressUpdate,
  currentHash: string,
  context: { actor: PersonId; now: string },
) => Result<Changed>;

/** Load, decide, save with the version read; on a concurrent change, load and decide again. */
async function mutate(
  deps: ProgressDeps,
  planId: string,
  periodKey: string,
  actor: Actor,
  step: Step,
  describe: (update: ProgressUpdate) => { command: string; summary: string },
): Promise<Result<ProgressOutcome>> {
  let last: Result<ProgressOutcome> | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const loaded = await deps.plans.load(planId);
    if (!loaded.ok) return loaded;
    const stored: Versioned<ProgressUpdate> | null = await deps.updates.progressUpdate(
      progressUpdateId(planId, periodKey),
    );
    if (!stored) return refuse('NOT_FOUND', `There is no progress update for ${periodKey}.`);
    const input = await progressInput(deps, loaded.value.plan, stored.item);
    const decided = step(loaded.value.plan, stored.item, progressUpdateHash(input), {
      actor: actor.id,
      now: deps.clock.now(),
    });
    if (!decided.ok) return decided;
    if (decided.value === NO_CHANGE) return ok({ update: stored.item, changed: false });
    const saved = await deps.updates.updateProgressUpdate(stored, decided.value);
    if (saved.ok) {
      const { command, summary } = describe(decided.value);
      await audit(deps, loaded.value, actor, command, summary);
      return ok({ update: decided.value, changed: true });
    }
    if (saved.error.code !== 'CONFLICT') return saved;
    last = saved;
  }
  return last!;
}

export const writeProgressSummary = (
  deps: ProgressDeps,
  planId: string,
  periodKey: string,
  summary: string | null,
  actor: Actor,
) =>
  mutate(
    deps,
    planId,
    periodKey,
    actor,
    (plan, update, _hash, context) => setSummary(plan, update, summary, context),
    () => ({ command: 'writeProgressSummary', summary: `Wrote the summary of the ${periodKey} update` }),
  );

export const submitProgressUpdate = (deps: ProgressDeps, planId: string, periodKey: string, actor: Actor) =>
  mutate(
    deps,
    planId,
    periodKey,
    actor,
    (plan, update, hash, context) => submitUpdate(plan, policyOf(deps, plan), update, hash, context),
    (u) => ({
      command: 'submitProgressUpdate',
      summary: `Submitted the ${periodKey} update (version ${u.version}) for approval`,
    }),
  );

export const respondToProgress = (
  deps: ProgressDeps,
  planId: string,
  periodKey: string,
  response: ProgressResponse,
  actor: Actor,
) =>
  mutate(
    deps,
    planId,
    periodKey,
    actor,
    (plan, update, hash, context) => respondToProgressUpdate(plan, update, response, hash, context),
    () => ({
      command: 'respondToProgressUpdate',
      summary: `${response.decision === 'approve' ? 'Approved' : 'Asked for changes to'} the ${periodKey} update (${response.stageKey})`,
    }),
  );

export const progressFolder = (planId: string, periodKey: string, version: number): string =>
  `Plans/${planId}/progress/${periodKey}/v${version}/published`;

/**
 * Publishes the approved update: Word and HTML to the library (with retention metadata), the HTML to a
 * SharePoint page, and the links on the update. Every file and page is named by plan, period and
 * version, so a retried publication reuses what an earlier attempt made.
 */
export async function publishProgressUpdate(
  deps: ProgressPublishDeps,
  planId: string,
  periodKey: string,
  actor: Actor,
): Promise<Result<ProgressOutcome>> {
  const preview = await previewProgressUpdate(deps, planId, periodKey);
  if (!preview.ok) return preview;
  const loaded = await deps.plans.load(planId);
  if (!loaded.ok) return loaded;
  const { update, model, hash } = preview.value;
  // Ask the rule first, so nothing is uploaded for a publication it would refuse.
  const allowed = publishProgress(loaded.value.plan, update, hash, [], {
    actor: actor.id,
    now: deps.clock.now(),
  });
  if (!allowed.ok) return allowed;
  if (allowed.value === NO_CHANGE) return ok({ update, changed: false });
  const at = deps.clock.now();
  const rendered = await deps.renderer.render(
    model,
    `${loaded.value.plan.council} ${loaded.value.plan.title} progress ${periodKey}`,
  );
  const metadata = {
    PlanId: planId,
    PlanVersion: update.version,
    ContentHash: hash,
    DocumentStatus: 'published',
    RetainUntil: `${retainUntil(at)}T00:00:00Z`,
  };
  const folder = progressFolder(planId, periodKey, update.version);
  const html = await deps.documents.put(
    `${folder}/${rendered.fileStem}.html`,
    new TextEncoder().encode(rendered.html),
    'text/html',
    metadata,
  );
  const docx = await deps.documents.put(
    `${folder}/${rendered.fileStem}.docx`,
    rendered.docx,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    metadata,
  );
  const page = await deps.pages.publish(
    `progress-${planId}-${periodKey}-v${update.version}.aspx`,
    rendered.title,
    rendered.htmlBody,
  );
  const links = [
    { label: 'Web page', url: page.webUrl },
    { label: 'Accessible HTML', url: html.webUrl },
    { label: 'Word document', url: docx.webUrl },
  ];
  return mutate(
    deps,
    planId,
    periodKey,
    actor,
    (plan, current, currentHash, context) => publishProgress(plan, current, currentHash, links, context),
    (u) => ({
      command: 'publishProgressUpdate',
      summary: `Published the ${periodKey} update (version ${u.version})`,
    }),
  );
}
