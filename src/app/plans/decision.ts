/**
 * Recording the meeting's decision: where the decision can be called in and the lead left its end empty,
 * the end is worked out from the meeting date and the council's rules (decision notice, then the call-in
 * period, in working days with bank holidays), so the plan waits for exactly the period the constitution sets.
 */
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import { isIsoDate } from '../../domain/dates/calendar.js';
import type { Command } from '../../domain/plan/commands.js';
import { outcomeEffect } from '../../domain/governance/decision-outcomes.js';
import { callInApplies, stagePublishableOutcomes } from '../../domain/governance/governance.js';
import type { IsoDate, Plan } from '../../domain/plan/plan.js';
import { findStage } from '../../domain/plan/plan.js';
import { planRules } from '../../domain/timeline/plan-timeline.js';
import { callInEnd } from '../../domain/timeline/milestones.js';
import type { TimelineRules } from '../../domain/timeline/rules.js';

export type RecordDecision = Extract<Command, { type: 'recordDecision' }>;

export interface DecisionDeps {
  /** The England defaults; the plan's format may replace any of them. */
  readonly rules: TimelineRules;
  readonly calendar: BankHolidayCalendar;
}

/** The end of call-in a decision on `meetingDate` would have at this plan's council, or null if none. */
export function expectedCallInEnd(
  deps: DecisionDeps,
  plan: Plan,
  stageKey: string,
  outcome: RecordDecision['outcome'],
  meetingDate: IsoDate,
): IsoDate | null {
  const stage = findStage(plan, stageKey);
  if (stage === undefined || !callInApplies(plan) || !isIsoDate(meetingDate)) return null;
  // Only a decision that carries the plan on is implemented, so only that one waits for call-in.
  if (outcomeEffect(outcome, stagePublishableOutcomes(stage)) !== 'forward') return null;
  return callInEnd(meetingDate, planRules(plan, deps.rules), deps.calendar);
}

/** The decision as recorded: an end of call-in given by the lead is kept; an empty one is worked out. */
export const decisionWithCallIn =
  (deps: DecisionDeps, command: RecordDecision) =>
  (plan: Plan): RecordDecision => {
    if (command.callInEndsOn !== null) return command;
    const ends = expectedCallInEnd(deps, plan, command.stageKey, command.outcome, command.meetingDate);
    return ends === null ? command : { ...command, callInEndsOn: ends };
  };
