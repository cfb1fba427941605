/**
 * A plan whose approvals have started, in a bot harness's store, as the bot tests need it: created from the
 * shipped plan template on the given format (each role the test does not name held by the lead), every
 * required section accepted and header row filled, the management team's chat bound in the same save when
 * one is named, the given people already in conversation with the bot, approvals started by the lead through
 * the real use case, and the outbox sent.
 */
import { runCommand } from '../../src/app/plans/run-command.js';
import { contentHash } from '../../src/domain/documents/content-hash.js';
import { createPlan } from '../../src/domain/plan/create-plan.js';
import type { GroupDelivery } from '../../src/domain/plan/commands.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import type { ApprovalStageTemplate, ReportFormat } from '../../src/domain/templates/report-format.js';
import { conversationKey } from '../../src/ports/conversations.js';
import type { BotHarness, Person } from './bot-harness.js';
import { acceptedEverywhere, applyAll, catalog, T0 } from './fixtures/index.js';

/**
 * Durham's format with a short chain for the bot tests: the management team's endorsement (stage `emt`, by
 * the given rule), the stages given, then Durham's Cabinet decision.
 */
export function managementTeamFirstFormat(
  id: string,
  rule: ApprovalStageTemplate['rule'],
  between: readonly ApprovalStageTemplate[] = [],
): ReportFormat {
  const durham = catalog.reportFormats.find((f) => f.id === 'durham-cabinet')!;
  return {
    ...durham,
    id,
    approvalChain: [
      {
        key: 'emt',
        title: 'Management team endorsement',
        kind: 'endorsement',
        approverRoles: ['management-team'],
        rule,
        mandatoryRoles: [],
      },
      ...between,
      durham.approvalChain.at(-1)!,
    ],
  };
}

export interface StartedPlanSpec {
  readonly id: string;
  readonly title: string;
  readonly format: ReportFormat;
  readonly lead: Person;
  /** Who holds which role; every other role that is not a group is the lead's. */
  readonly roles: Readonly<Record<string, readonly string[]>>;
  /** The management team's chat, bound before approvals start; `speaker` has written there, so the app is in it. */
  readonly chat?: { readonly id: string; readonly speaker: Person };
  /** People who have written to the bot 1:1 before approvals start, so their chats are known. */
  readonly talkedOneToOne?: readonly Person[];
  /** How a stage for the whole management team reaches it when no chat is chosen. */
  readonly delivery?: GroupDelivery;
}

export interface StartedPlan {
  readonly id: string;
  /** The plan as it stands now: every write that finished before the call is in it. */
  current(): Promise<Plan>;
  /** What an Approve button on the stage's card carries for its current round and content. */
  respondData(stageKey: string, extra?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export async function startPlanInBot(bot: BotHarness, spec: StartedPlanSpec): Promise<StartedPlan> {
  const { lead, format } = spec;
  const roles: Record<string, string[]> = Object.fromEntries(
    Object.entries(spec.roles).map(([role, ids]) => [role, [...ids]]),
  );
  for (const role of format.roles)
    if (!roles[role.key] && role.key !== 'plan-lead' && !role.group) roles[role.key] = [lead.id];
  const created = createPlan(
    catalog.planTemplates[0]!,
    format,
    { id: spec.id, title: spec.title, leadId: lead.id, roles },
    { id: lead.id },
    T0,
  );
  if (!created.ok) throw new Error(created.error.message);
  const stored = await bot.app.store.create(created.value.plan, created.value.audit);
  if (!stored.ok) throw new Error(stored.error.message);
  const chat = spec.chat;
  const ready = applyAll(
    acceptedEverywhere(stored.value.plan),
    chat ? [[{ type: 'setManagementTeamChat', conversationKey: conversationKey(chat.id) }, lead.id]] : [],
  );
  const saved = await bot.app.store.save(stored.value, ready, [], lead.id);
  if (!saved.ok) throw new Error(saved.error.message);
  if (chat) await bot.sayInGroup(chat.speaker, chat.id, 'help');
  for (const person of spec.talkedOneToOne ?? []) await bot.say(person, 'help');
  const started = await runCommand(
    bot.app.commands,
    spec.id,
    { type: 'startApprovals', ...(spec.delivery ? { delivery: spec.delivery } : {}) },
    { id: lead.id },
  );
  if (!started.ok) throw new Error(started.error.message);
  await bot.app.dispatch();

  const current = async (): Promise<Plan> => {
    const loaded = await bot.app.store.refresh(spec.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    return loaded.value.plan;
  };
  return {
    id: spec.id,
    current,
    async respondData(stageKey, extra = {}) {
      const plan = await current();
      const stage = plan.stages.find((s) => s.key === stageKey);
      if (!stage) throw new Error(`the plan has no stage ${stageKey}`);
      return {
        planId: spec.id,
        stageKey,
        round: stage.round,
        versionHash: contentHash(plan),
        decision: 'approve',
        ...extra,
      };
    },
  };
}
