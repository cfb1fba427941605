/** Commands on the approval chain: start a round, respond, delegate, record the decision. */
import { currentResponses } from '../approvals/rule.js';
import { answeringFor, approversOf } from '../approvals/approvers.js';
import { outcomeEffect, outcomeList, OUTCOME_WORDS } from '../governance/decision-outcomes.js';
import { callInApplies, stageOutcomes, stagePublishableOutcomes } from '../governance/governance.js';
import { onlyPlanLead } from './authorization.js';
import { isIsoDate } from '../dates/calendar.js';
import type { Command } from '../plan/commands.js';
import type { DomainEvent } from '../plan/events.js';
import type { ApprovalStage, Plan, StageResponse } from '../plan/plan.js';
import { findStage } from '../plan/plan.js';
import { currentStage, replaceStage } from '../plan/updates.js';
import { ok, refuse, type Result } from '../support/result.js';
import { MAX_COMMENT_CHARS } from './section-commands.js';
import { openStage, pendingRefusal } from '../approvals/stage-opening.js';
import { deliveryNeeded, groupStageWithoutChat } from '../approvals/group-delivery.js';
import { reopenRuleOf, seenByStage } from '../approvals/reopen-rule.js';
import { UNCHANGED, type CommandRule } from './command-rule.js';
import { headerIncomplete } from './header-check.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

function stageOrRefuse(plan: Plan, key: string): Result<ApprovalStage> {
  const stage = findStage(plan, key);
  return stage ? ok(stage) : refuse('NOT_FOUND', `There is no approval stage "${key}" in this plan.`);
}

/** Sections the plan cannot go for approval without: written or required, not accepted, not to follow. */
export function sectionsNotReady(plan: Plan): string[] {
  return plan.sections
    .filter(
      (s) =>
        (s.definition.required || s.content.length > 0) && s.status !== 'accepted' && s.toFollow === null,
    )
    .map((s) => s.definition.title);
}

export const startApprovals: CommandRule<Of<'startApprovals'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'start approvals'),
  apply(plan, command, context) {
    if (plan.status === 'decided' || plan.status === 'published') {
      return refuse('INVALID_STATE', 'The decision has been recorded; there is nothing left to approve.');
    }
    const open = plan.stages.find((s) => s.state === 'open');
    if (open) return refuse('INVALID_STATE', `"${open.title}" is already open.`, { stageKey: open.key });
    const notReady = sectionsNotReady(plan);
    if (notReady.length > 0) {
      return refuse(
        'VALIDATION',
        `Accept every section, or mark it to follow, before starting approvals. Still to accept: ${notReady.join(', ')}.`,
        {
          sections: notReady,
        },
      );
    }
    const stage = currentStage(plan);
    if (!stage) return refuse('INVALID_STATE', 'Every approval stage is already complete.');
    const incomplete = headerIncomplete(plan);
    if (incomplete) return incomplete;
    const group = groupStageWithoutChat(plan);
    if (group && command.delivery === undefined) return deliveryNeeded(group);
    // The chat (already checked by the use case to be one the app is in) is chosen in the same save.
    const chat = group && command.delivery?.kind === 'chat' ? command.delivery.conversationKey : null;
    const delivered: Plan = chat === null ? plan : { ...plan, managementTeamChat: chat };
    const opened = openStage(delivered, stage, context);
    if (!opened.ok) return opened;
    return ok({
      plan: opened.value.plan,
      events: [opened.value.event],
      summary: `Started "${stage.title}" (round ${stage.round + 1}) on version ${plan.contentVersion}`,
    });
  },
};

export const respond: CommandRule<Of<'respond'>> = {
  authorize(plan, command, actor) {
    const stage = findStage(plan, command.stageKey);
    if (!stage) return null;
    if (stage.kind === 'decision') {
      return {
        code: 'NOT_ALLOWED',
        message: 'A decision is recorded by the plan lead, not approved from a card.',
      };
    }
    return answeringFor(plan, stage, actor.id, command.onBehalfOf) === null
      ? {
          code: 'NOT_ALLOWED',
          message: `You are not an approver of "${stage.title}", nor a named deputy of one.`,
        }
      : null;
  },
  apply(plan, command, context) {
    const found = stageOrRefuse(plan, command.stageKey);
    if (!found.ok) return found;
    const stage = found.value;
    if (command.round !== undefined && command.round !== stage.round) {
      return refuse(
        'STALE_VERSION',
        `This card is for round ${command.round}; round ${stage.round} of "${stage.title}" is the current one.`,
        { stageKey: stage.key, round: stage.round, hash: stage.boundHash, version: stage.boundVersion },
      );
    }
    const approverId = answeringFor(plan, stage, context.actor.id, command.onBehalfOf)!;
    const comment = command.comment?.trim() || null;
    const earlier = currentResponses(stage).find((r) => r.approverId === approverId);
    // A repeated click, or a retried request, finds its own response already there.
    if (earlier && earlier.decision === command.decision && earlier.hash === command.versionHash)
      return ok(UNCHANGED);
    if (stage.state !== 'open') {
      return refuse('INVALID_STATE', `"${stage.title}" is not open for responses (${stage.state}).`, {
        stageKey: stage.key,
        state: stage.state,
      });
    }
    if (command.versionHash !== stage.boundHash) {
      return refuse(
        'STALE_VERSION',
        `This card is for an older version of the plan; version ${stage.boundVersion} is now being approved.`,
        {
          stageKey: stage.key,
          hash: stage.boundHash,
          version: stage.boundVersion,
        },
      );
    }
    if (earlier) {
      return refuse(
        'ALREADY_RESPONDED',
        `A response for this approver was already recorded (${earlier.decision}).`,
        {
          stageKey: stage.key,
          decision: earlier.decision,
        },
      );
    }
    if (command.decision === 'request-changes' && comment === null) {
      return refuse('VALIDATION', 'Say what needs to change.');
    }
    if (comment !== null && comment.length > MAX_COMMENT_CHARS) {
      return refuse('VALIDATION', `Keep the comment under ${MAX_COMMENT_CHARS} characters.`);
    }
    const response: StageResponse = {
      round: stage.round,
      approverId,
      responderId: context.actor.id,
      decision: command.decision,
      comment,
      at: context.now,
      hash: stage.boundHash,
      seen: seenByStage(stage),
    };
    const onBehalf = approverId === context.actor.id ? '' : ` on behalf of ${approverId}`;
    const draft = reopenRuleOf(stage) === 'draft' ? 'the draft, ' : '';
    return ok({
      // Closing the stage and opening the next is reconcile()'s job: it derives both from the responses.
      plan: replaceStage(plan, { ...stage, responses: [...stage.responses, response] }),
      events: [
        {
          type: 'ResponseRecorded',
          planId: plan.id,
          stageKey: stage.key,
          round: stage.round,
          approverId,
          responderId: context.actor.id,
          decision: command.decision,
          comment,
        },
      ],
      summary: `${command.decision === 'approve' ? 'Approved' : 'Asked for changes to'} "${stage.title}"${onBehalf} on ${draft}version ${stage.boundVersion}`,
    });
  },
};

export const delegate: CommandRule<Of<'delegate'>> = {
  authorize: (plan, command, actor) =>
    actor.id === command.approverId || actor.id === plan.leadId
      ? null
      : { code: 'NOT_ALLOWED', message: 'Only the approver or the plan lead can name a deputy.' },
  apply(plan, command, context) {
    const found = stageOrRefuse(plan, command.stageKey);
    if (!found.ok) return found;
    const stage = found.value;
    if (stage.kind === 'decision')
      return refuse('VALIDATION', 'A decision meeting has no approvers to deputise for.');
    if (stage.state === 'approved' || stage.state === 'changes-requested') {
      return refuse('INVALID_STATE', `"${stage.title}" is closed.`);
    }
    const approvers = approversOf(plan, stage);
    if (!approvers.includes(command.approverId)) {
      return refuse('VALIDATION', `${command.approverId} is not an approver of "${stage.title}".`);
    }
    const current = stage.delegations.find((d) => d.approverId === command.approverId)?.deputyId ?? null;
    if (current === command.deputyId) return ok(UNCHANGED);
    if (command.deputyId !== null && approvers.includes(command.deputyId)) {
      return refuse('VALIDATION', 'The deputy is an approver of this stage already and cannot answer twice.');
    }
    if (currentResponses(stage).some((r) => r.approverId === command.approverId) && stage.state === 'open') {
      return refuse('INVALID_STATE', 'This approver has already responded in this round.');
    }
    const others = stage.delegations.filter((d) => d.approverId !== command.approverId);
    const delegations =
      command.deputyId === null
        ? others
        : [
            ...others,
            {
              approverId: command.approverId,
              deputyId: command.deputyId,
              by: context.actor.id,
              at: context.now,
            },
          ];
    return ok({
      plan: replaceStage(plan, { ...stage, delegations }),
      events: [
        {
          type: 'DelegationChanged',
          planId: plan.id,
          stageKey: stage.key,
          approverId: command.approverId,
          deputyId: command.deputyId,
        },
      ],
      summary:
        command.deputyId === null
          ? `Withdrew the deputy for ${command.approverId} on "${stage.title}"`
          : `Named ${command.deputyId} deputy for ${command.approverId} on "${stage.title}"`,
    });
  },
};

export const recordDecision: CommandRule<Of<'recordDecision'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'record the decision'),
  apply(plan, command, context) {
    const found = stageOrRefuse(plan, command.stageKey);
    if (!found.ok) return found;
    const stage = found.value;
    if (stage.kind !== 'decision') return refuse('VALIDATION', `"${stage.title}" is not a decision meeting.`);
    const allowed = stageOutcomes(stage);
    if (!allowed.includes(command.outcome)) {
      const asked = (OUTCOME_WORDS as Record<string, string | undefined>)[command.outcome];
      return refuse(
        'VALIDATION',
        `“${stage.title}” cannot record the outcome ${asked === undefined ? JSON.stringify(command.outcome) : `“${asked.toLowerCase()}”`}: ` +
          `the meeting may resolve ${outcomeList(allowed)}.`,
        { stageKey: stage.key, outcome: command.outcome, allowed },
      );
    }
    const decision = {
      stageKey: stage.key,
      meetingBody: command.meetingBody.trim(),
      meetingDate: command.meetingDate,
      minuteReference: command.minuteReference.trim(),
      callInEndsOn: command.callInEndsOn,
      outcome: command.outcome,
      hash: command.versionHash,
      recordedBy: context.actor.id,
      recordedAt: context.now,
    };
    const previous = plan.decision;
    if (
      previous &&
      previous.stageKey === decision.stageKey &&
      previous.outcome === decision.outcome &&
      previous.hash === decision.hash &&
      previous.meetingDate === decision.meetingDate &&
      previous.minuteReference === decision.minuteReference
    ) {
      return ok(UNCHANGED);
    }
    if (stage.state !== 'open')
      return refuse('INVALID_STATE', `"${stage.title}" is not waiting for a decision.`);
    const pending = pendingRefusal(plan, stage);
    if (pending) return { ok: false, error: pending };
    if (command.versionHash !== stage.boundHash) {
      return refuse(
        'STALE_VERSION',
        `The decision must be on version ${stage.boundVersion}, the version the meeting considered.`,
      );
    }
    if (decision.meetingBody === '') return refuse('VALIDATION', 'Name the meeting that decided.');
    if (!isIsoDate(decision.meetingDate)) return refuse('VALIDATION', 'Give the meeting date as YYYY-MM-DD.');
    if (decision.callInEndsOn !== null && !isIsoDate(decision.callInEndsOn)) {
      return refuse('VALIDATION', 'Give the end of the call-in period as YYYY-MM-DD.');
    }
    // Where call-in applies, the use case works its end out from the council's rules; one given is checked.
    const callIn = callInApplies(plan);
    const effect = outcomeEffect(command.outcome, stagePublishableOutcomes(stage));
    if (!callIn && decision.callInEndsOn !== null) {
      return refuse(
        'VALIDATION',
        plan.governance.model === 'committee'
          ? `Committee decisions are not called in: leave the end of the call-in period empty.`
          : `Under this council's rules this decision cannot be called in: leave the end of the call-in period empty.`,
      );
    }
    if (decision.callInEndsOn !== null && decision.callInEndsOn < decision.meetingDate) {
      return refuse('VALIDATION', 'The call-in period cannot end before the meeting that took the decision.');
    }
    if (decision.minuteReference === '' || decision.minuteReference.length > 255) {
      return refuse('VALIDATION', 'Give the minute reference (up to 255 characters).');
    }
    const events: DomainEvent[] = [
      { type: 'DecisionRecorded', planId: plan.id, stageKey: stage.key, outcome: command.outcome },
    ];
    const summary = `Recorded the ${decision.meetingBody} decision of ${decision.meetingDate}: ${command.outcome}`;
    // Deferred: nothing was decided; the stage waits for the meeting that takes the item.
    if (effect === 'wait') return ok({ plan: { ...plan, decision }, events, summary });
    const closed: ApprovalStage = {
      ...stage,
      state: effect === 'forward' ? 'approved' : 'changes-requested',
      closedAt: context.now,
    };
    const decided: Plan = { ...replaceStage(plan, closed), decision };
    if (effect === 'back') return ok({ plan: { ...decided, status: 'drafting' }, events, summary });
    // Carried forward: the next stage (a further decision, e.g. Full Council) opens, or the plan is decided.
    const following = currentStage(decided);
    if (following === undefined) return ok({ plan: { ...decided, status: 'decided' }, events, summary });
    const opened = openStage(decided, following, context);
    if (!opened.ok) return ok({ plan: { ...decided, status: 'in-approval' }, events, summary });
    return ok({ plan: opened.value.plan, events: [...events, opened.value.event], summary });
  },
};
