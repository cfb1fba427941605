/** What a timeline is: the plan's dates going in; dated entries and plain-English warnings coming out. */
import type { IsoDate } from '../dates/calendar.js';

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

export interface TimelineInput {
  readonly today: IsoDate;
  readonly submissionDeadline?: IsoDate;
  readonly decisionMeeting?: DecisionMeetingInput;
  readonly keyDecision: boolean;
  readonly managementTeamMeeting?: IsoDate;
  readonly portfolioHolderSignOffBy?: IsoDate;
  readonly sectionsDueBy?: IsoDate;
  readonly sections: readonly TimelineSectionInput[];
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
  | 'OUTSIDE_CALENDAR_COVERAGE';

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
