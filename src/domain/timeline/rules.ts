/**
 * The timeline's rules as data: each period, whether it is statute, council practice or a planning default,
 * and its legal source. They come from a rules data file, never from code, so a council whose constitution
 * differs changes data, not the timeline.
 */
import type { DayKind } from '../dates/calendar.js';

export interface RuleSource {
  readonly citation: string;
  readonly url?: string;
}

/** Whether a period is the law, the council's own constitution, or only a sensible default. */
export type RuleBasis = 'statute' | 'council-practice' | 'planning-default';

export interface PeriodRule {
  /** One sentence a plan lead understands, e.g. "Agenda published at least 5 clear working days before". */
  readonly description: string;
  readonly dayKind: DayKind;
  readonly basis: RuleBasis;
  readonly sources: readonly RuleSource[];
  readonly note?: string;
}

export interface AgendaPublicationRule extends PeriodRule {
  readonly clearDaysBeforeMeeting: number;
  /** What happens when the agenda misses the period, completing "…, <ifNotMet>". */
  readonly ifNotMet: string;
}

export interface GeneralExceptionRule extends PeriodRule {
  readonly clearDaysBeforeDecision: number;
}

export interface SpecialUrgencyRule {
  readonly description: string;
  readonly sources: readonly RuleSource[];
}

export interface KeyDecisionNoticeRule extends PeriodRule {
  readonly clearDaysBeforeDecision: number;
  /** The procedure needed when notice was not given, completing "the decision needs <ifNotMet>". */
  readonly ifNotMet: string;
  readonly generalException: GeneralExceptionRule;
  readonly specialUrgency: SpecialUrgencyRule;
}

export interface DecisionNoticeRule extends PeriodRule {
  readonly daysAfterMeeting: number;
}

export interface CallInRule extends PeriodRule {
  readonly daysAfterDecisionNotice: number;
}

export interface BeforeAgendaRule extends PeriodRule {
  readonly daysBeforeAgendaPublication: number;
}

export interface SectionsDueRule extends PeriodRule {
  /** Before the management team meets: or, in a chain with no management team, its first step. */
  readonly daysBeforeManagementTeam: number;
}

/** How much room the decision should leave before the submission deadline. */
export interface DeadlineMarginRule extends PeriodRule {
  readonly daysBeforeDeadline: number;
}

export interface TimelineRules {
  readonly id: string;
  readonly title: string;
  readonly appliesTo: string;
  readonly agendaPublication: AgendaPublicationRule;
  readonly keyDecisionNotice: KeyDecisionNoticeRule;
  readonly decisionNotice: DecisionNoticeRule;
  readonly callIn: CallInRule;
  readonly managementTeam: BeforeAgendaRule;
  readonly portfolioHolderSignOff: BeforeAgendaRule;
  readonly sectionsDue: SectionsDueRule;
  /** Absent: 3 working days. */
  readonly deadlineMargin?: DeadlineMarginRule;
}

/** Used where the rules give no deadline margin. */
export const DEFAULT_DEADLINE_MARGIN: DeadlineMarginRule = {
  description: 'The decision leaves at least 3 working days before the submission deadline',
  daysBeforeDeadline: 3,
  dayKind: 'working',
  basis: 'planning-default',
  sources: [
    { citation: 'Plan Builder planning default: time to finalise, publish and submit after the decision' },
  ],
};

const citations = (sources: readonly RuleSource[]): string => sources.map((s) => s.citation).join('; ');

/** A rule as the timeline cites it: its description, then its sources. */
export const describeRule = (rule: { description: string; sources: readonly RuleSource[] }): string =>
  rule.sources.length === 0 ? rule.description : `${rule.description} (${citations(rule.sources)})`;
