/** What a timeline is: the plan's dates going in; dated entries and plain-English warnings coming out. */
import type { IsoDate } from '../dates/calendar.js';
import type { BeforeAgendaRule } from './rules.js';

export interface TimelineSectionInput {
  readonly key: string;
  readonly title: string;
  readonly dueDate?: IsoDate;
}

export interface DecisionMeetingInput {
  readonly date: IsoDate;
  /** The decision-making body, e.g. "Cabinet". */
  readonly body: string;
}

/** A step of the approval chain before the meeting: a management team, a portfolio holder, a briefing. */
export interface TimelineStepInput {
  readonly key: TimelineEntryKey;
  readonly label: string;
  readonly rule: BeforeAgendaRule;
  /** The date the plan lead set for it, if any. */
  readonly set?: IsoDate;
}

export interface TimelineInput {
  readonly today: IsoDate;
  readonly submissionDeadline?: IsoDate;
  readonly decisionMeeting?: DecisionMeetingInput;
  readonly keyDecision: boolean;
  readonly managementTeamMeeting?: IsoDate;
  readonly portfolioHolderSignOffBy?: IsoDate;
  readonly sectionsDueBy?: IsoDate;
  readonly sections: readonly TimelineSectionInput[];
  /**
   * The approval chain's steps before the meeting. Absent: the management team meeting and portfolio holder
   * sign-off of the rules, as for any executive council.
   */
  readonly steps?: readonly TimelineStepInput[];
  /** Whether the decision is published in a decision notice (an executive decision); default yes. */
  readonly decisionNotice?: boolean;
  /** Whether the decision can be called in; default yes. */
  readonly callIn?: boolean;
  /** The end of call-in recorded with the decision, which wins over the one worked out. */
  readonly callInEndsOn?: IsoDate;
}

export type TimelineEntryKey =
  | 'sections-due'
  | 'management-team'
  | 'portfolio-holder-sign-off'
  | 'forward-plan-notice'
  | 'agenda-publication'
  | 'decision-meeting'
  | 'decision-notice'
  | 'call-in-ends'
  | 'submission-deadline'
  | `stage:${string}`
  | `section-due:${string}`;

export type TimelineEntryOrigin = 'set' | 'derived';

export interface TimelineEntry {
  readonly key: TimelineEntryKey;
  readonly label: string;
  readonly date: IsoDate;
  /** `set` by the plan lead, or `derived`: the latest date the rules allow. */
  readonly origin: TimelineEntryOrigin;
  /** For a derived date: the rule it follows and its source. */
  readonly rule?: string;
}

export type TimelineWarningCode =
  | 'INVALID_DATE'
  | 'NO_ANCHOR_DATE'
  | 'KEY_DECISION_NOTICE_TOO_LATE'
  | 'AGENDA_DEADLINE_PASSED'
  | 'DATE_PASSED'
  | 'SET_DATE_TOO_LATE'
  | 'MEETING_AFTER_DEADLINE'
  | 'CALL_IN_AFTER_DEADLINE'
  | 'NOT_A_WORKING_DAY'
  | 'SECTION_DUE_AFTER_SECTIONS_DUE'
  | 'OUTSIDE_CALENDAR_COVERAGE'
  | 'DEADLINE_MARGIN_SHORT'
  | 'DUE_AFTER_MEETING';

export interface TimelineWarning {
  readonly code: TimelineWarningCode;
  readonly message: string;
  /** The entries the warning is about, for the dashboard to highlight. */
  readonly entryKeys: readonly TimelineEntryKey[];
}

export interface Timeline {
  readonly entries: readonly TimelineEntry[];
  readonly warnings: readonly TimelineWarning[];
}
