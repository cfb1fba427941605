/**
 * The approval card's buttons: refresh (Teams asking for a person's own view), respond and delegate. Each
 * runs one use case and answers with the card as the use case left the plan; only a refused click reads
 * the plan again, to show where things stand. The stale-round check is the respond command's own.
 */
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { staleApprovalCard, type Notice } from '../../cards/approval-card.js';
import { runCommand, type CommandDeps } from '../../app/plans/run-command.js';
import type { Command } from '../../domain/plan/commands.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { findStage } from '../../domain/plan/plan.js';
import type { Refusal } from '../../domain/support/result.js';
import { answer, refused, type ActionAnswer, type ActionPipeline } from './action-pipeline.js';
import { asJson, messageCard } from './bot-cards.js';
import { approvalViewFor, namesFor } from './card-context.js';
import type { TabLinks } from './links.js';
import type { CardComposer } from './notification-composer.js';
import type { PeopleNames } from './people-names.js';

export interface ApprovalActionDeps {
  readonly commands: CommandDeps;
  readonly composer: CardComposer;
  readonly names: PeopleNames;
  readonly links: TabLinks;
}

/** What a non-approver who presses a button on the shared card is told, on their own copy only. */
export const NOT_AN_APPROVER = 'You are not an approver for this stage, so nothing was recorded.';

export function registerApprovalActions(pipeline: ActionPipeline, deps: ApprovalActionDeps): void {
  /** The approval card for this viewer from this plan, with a notice about what just happened. */
  const cardFrom = async (
    plan: Plan,
    stageKey: string,
    viewer: PersonId,
    notice: Notice | null,
  ): Promise<CardJson> => {
    const activity = deps.composer.approvalActivity(
      plan,
      stageKey,
      viewer,
      await namesFor(plan, deps.names),
      notice,
    );
    return activity?.card
      ? (activity.card as unknown as CardJson)
      : messageCard('Nothing to approve', 'This stage is not open.', 'default');
  };

  const loadThen = async (planId: string, then: (plan: Plan) => Promise<CardJson>): Promise<ActionAnswer> => {
    const loaded = await deps.commands.store.load(planId);
    return loaded.ok ? answer(await then(loaded.value.plan)) : refused(loaded.error);
  };

  /** A refused response: where things stand now, and why nothing was recorded. */
  const refusedResponse = (
    error: Refusal,
    data: { planId: string; stageKey: string; round: number; versionHash: string },
    actor: PersonId,
  ): Promise<ActionAnswer> => {
    if (error.code === 'NOT_FOUND' && !error.details) return Promise.resolve(refused(error));
    return loadThen(data.planId, async (plan) => {
      const stage = findStage(plan, data.stageKey);
      if (!stage) return messageCard('Nothing to approve', error.message, 'attention');
      if (error.code === 'STALE_VERSION') {
        const view = approvalViewFor(plan, stage, {
          nameOf: await namesFor(plan, deps.names),
          links: deps.links,
          viewerId: actor,
        });
        if (view)
          return asJson(staleApprovalCard({ round: data.round, versionHash: data.versionHash }, view));
      }
      const text =
        error.code === 'NOT_ALLOWED' && stage.kind !== 'decision' ? NOT_AN_APPROVER : error.message;
      return cardFrom(plan, stage.key, actor, { tone: 'warning', text });
    });
  };

  pipeline.route('approval.refresh', async ({ actor }, data) =>
    loadThen(data.planId, (plan) => cardFrom(plan, data.stageKey, actor, null)),
  );

  pipeline.route('approval.respond', async ({ actor }, data) => {
    const command: Command = {
      type: 'respond',
      stageKey: data.stageKey,
      decision: data.decision,
      comment: data.comment,
      versionHash: data.versionHash,
      round: data.round,
      ...(data.onBehalfOf ? { onBehalfOf: data.onBehalfOf } : {}),
    };
    // Answered once the response is stored; the plan is settled (and the card updated) after, per burst.
    const result = await runCommand(deps.commands, data.planId, command, { id: actor }, { settle: 'after' });
    if (!result.ok) return refusedResponse(result.error, data, actor);
    const notice: Notice = !result.value.changed
      ? { tone: 'info', text: 'Your answer was already recorded; nothing changed.' }
      : {
          tone: 'good',
          text:
            data.decision === 'approve'
              ? 'Your approval is recorded.'
              : 'Your request for changes is recorded.',
        };
    // The use case returns the plan as it stored it: no need to read it again.
    return answer(await cardFrom(result.value.plan, data.stageKey, actor, notice));
  });

  pipeline.route('approval.delegate', async ({ actor }, data) => {
    const result = await runCommand(
      deps.commands,
      data.planId,
      { type: 'delegate', stageKey: data.stageKey, approverId: actor, deputyId: data.deputyId },
      { id: actor },
    );
    if (!result.ok)
      return loadThen(data.planId, (plan) =>
        cardFrom(plan, data.stageKey, actor, { tone: 'warning', text: result.error.message }),
      );
    const notice: Notice = {
      tone: 'good',
      text: `${await deps.names.name(data.deputyId)} can now answer for you.`,
    };
    return answer(await cardFrom(result.value.plan, data.stageKey, actor, notice));
  });
}
