/**
 * A council's cover-report format: the report that takes the plan to the decision meeting, and the route
 * to that decision (governance, approval chain, timeline rules). Each council is one data file; a new
 * council needs only a new file. Everything added after the first three councils is optional, and its
 * absence means what the app did before it existed.
 */
import type { DecisionOutcome } from '../governance/decision-outcomes.js';
import type {
  AgendaPublicationRule,
  BeforeAgendaRule,
  CallInRule,
  DeadlineMarginRule,
  DecisionNoticeRule,
  KeyDecisionNoticeRule,
  SectionsDueRule,
} from '../timeline/rules.js';

export type HeaderFieldType = 'text' | 'boolean' | 'date' | 'choice' | 'person' | 'wards';

export interface HeaderField {
  readonly key: string;
  readonly label: string;
  readonly type: HeaderFieldType;
  readonly required: boolean;
  readonly choices?: readonly string[];
  /** The role whose holder fills a person field by default, e.g. "portfolio-holder". */
  readonly defaultRole?: string;
  /** Where the field is printed: in the header before the summary (default) or just after it. */
  readonly position?: 'before-summary' | 'after-summary';
  /** A table row "Label | value" (default), or the value alone as a line above the title ("OPEN REPORT"). */
  readonly display?: 'row' | 'banner';
  /** The plan value the field shows and sets instead of a value of its own. */
  readonly binds?: 'key-decision';
  /** For a person: what is printed about them, in order (default the name). */
  readonly show?: readonly PersonDetail[];
}

/** What a person field can print: job title, phone and email come from the directory. */
export type PersonDetail = 'name' | 'job-title' | 'phone' | 'email';

export type HeadingKind =
  | 'summary'
  | 'recommendations'
  | 'reasons'
  | 'narrative'
  | 'corporate-plan-objectives'
  | 'implications'
  | 'appendices'
  | 'background-papers'
  | 'author'
  | 'options'
  | 'glossary';

/**
 * How paragraphs under a heading are numbered: as the report says (`paragraphNumbering`), not at all,
 * within the heading (2.1, 2.2; A.1), on the report-wide counter (1, 2, 3 … across headings), or as a list
 * of the heading's own that starts again at each heading (1. 2. / (a) (b) / (i) (ii)).
 */
export type ParagraphNumbering = 'report' | 'none' | 'within-heading' | 'continuous' | 'list';

export interface HeadingNumbering {
  /** How a numbered heading is labelled: 1, 2, 3 (default) or A, B, C. */
  readonly style?: 'number' | 'letter';
  /** The heading counter starts again (at 1 or A) at this heading instead of continuing. */
  readonly restart?: boolean;
  readonly paragraphs?: ParagraphNumbering;
  /** For `paragraphs: 'list'`: "1.", "(a)" or "(i)" (default "1."). */
  readonly paragraphStyle?: 'number' | 'letter' | 'roman';
}

export interface GlossaryTerm {
  readonly term: string;
  readonly meaning: string;
}

export interface ReportHeading {
  readonly key: string;
  readonly title: string;
  readonly kind: HeadingKind;
  /** Whether the heading carries a section number ("4. Financial Implications"). */
  readonly numbered: boolean;
  readonly guidance?: string;
  /** For an "implications" heading: which implications (by key) it holds, in order. */
  readonly implicationKeys?: readonly string[];
  /** Numbering beyond `numbered`; absent: the heading and its paragraphs are numbered as before. */
  readonly numbering?: HeadingNumbering;
  /** For a "glossary" heading: the terms, printed as a Term / Meaning table. */
  readonly terms?: readonly GlossaryTerm[];
}

export interface ImplicationHeading {
  readonly key: string;
  readonly title: string;
  /** The role that completes and signs off this paragraph; absent when the report author writes it. */
  readonly completedByRole?: string;
  readonly defaultText?: string;
  /**
   * The council's standard wording when there are none of these implications ("None.", "There are no
   * specific implications arising from this report."), entered in one step by the paragraph's owner.
   * Absent: the format's `implications.noneText`, else "None.".
   */
  readonly noneText?: string;
}

/** How the implications appear: numbered sections, a checklist appendix, or a two-column table. */
export type ImplicationsPresentation = 'sections' | 'appendix' | 'table';

export type AppendixContent = 'plan' | 'government-letter' | 'implications' | 'other';

export interface AppendixTemplate {
  readonly key: string;
  readonly title: string;
  readonly content: AppendixContent;
}

export type ApprovalStageKind = 'sign-off' | 'endorsement' | 'decision';

/** Which kind of timeline step a stage is, where the England defaults have a lead time for it. */
export type TimelineStepKind = 'management-team' | 'portfolio-holder' | 'none';

export type ApprovalRule =
  { readonly kind: 'all' } | { readonly kind: 'any' } | { readonly kind: 'quorum'; readonly n: number };

export interface ApprovalStageTemplate {
  readonly key: string;
  readonly title: string;
  readonly kind: ApprovalStageKind;
  /**
   * Who responds: people holding these roles. The special role "implication-officers" means the
   * officers named for the implications headings.
   */
  readonly approverRoles: readonly string[];
  readonly rule: ApprovalRule;
  /** Roles whose holders must approve whatever the rule says. */
  readonly mandatoryRoles: readonly string[];
  /** What the stage stands for in the council's process, and why it has this rule. */
  readonly description?: string;
  /** Decision stages: the outcomes the meeting may reach (default approved, approved with amendments, rejected, deferred). */
  readonly outcomes?: readonly DecisionOutcome[];
  /**
   * Decision stages: the outcomes that carry the plan on, to the next stage or (at the last) to publication
   * and submission (default approved and approved with amendments).
   */
  readonly publishableOutcomes?: readonly DecisionOutcome[];
  /** Decision stages: who decides at this stage, where it is not the format's `decisionBody`. */
  readonly decisionBody?: string;
  /** Other stages: the timeline step the stage is (default: inferred from its kind and roles). */
  readonly timelineStep?: TimelineStepKind;
  /**
   * Whether the stage may go ahead while sections are still "to follow": a sign-off or endorsement opens
   * without them, a decision is recorded (and the plan published) without them. Default: true, except for a
   * decision stage.
   */
  readonly allowsPending?: boolean;
  /** What re-opens the stage after it has bound a version (default 'any-change'). */
  readonly reopens?: ReopenRule;
  /** For `reopens: 'sections'`: the section keys whose edits re-open it (e.g. "implications.financial"). */
  readonly covers?: readonly string[];
}

export type GovernanceModel = 'executive' | 'committee';

export interface Governance {
  /** Leader (or mayor) and cabinet, or the committee system (Local Government Act 2000, s9B). */
  readonly model: GovernanceModel;
  /**
   * Executive only: whether the plan is a key decision, chosen per plan (with the default offered) or
   * fixed. One value, read by the "Key decision" header field and by the timeline alike.
   */
  readonly keyDecision?: { readonly mode: 'per-plan' | 'always' | 'never'; readonly default?: boolean };
  /** Executive only: which decisions can be called in, and who may agree that one cannot wait. */
  readonly callIn?: {
    readonly appliesTo: 'all-decisions' | 'key-decisions' | 'none';
    readonly urgency?: { readonly agreedBy: string; readonly description?: string };
  };
  readonly description?: string;
}

/**
 * A format's own timeline rules: any of the England defaults' periods, each restated whole with its
 * sources, and lead times for stages the defaults have no rule for. What is absent falls back to England.
 */
export interface TimelineRuleOverrides {
  readonly agendaPublication?: AgendaPublicationRule;
  readonly keyDecisionNotice?: KeyDecisionNoticeRule;
  readonly decisionNotice?: DecisionNoticeRule;
  readonly callIn?: CallInRule;
  readonly managementTeam?: BeforeAgendaRule;
  readonly portfolioHolderSignOff?: BeforeAgendaRule;
  readonly sectionsDue?: SectionsDueRule;
  readonly deadlineMargin?: DeadlineMarginRule;
  /** Lead times by stage key, e.g. a chair's briefing 2 working days before the agenda. */
  readonly stages?: Readonly<Record<string, BeforeAgendaRule>>;
}

export type AuthorisationDateFormat = 'long' | 'dd/mm/yyyy';

/**
 * The authorisation (clearance) table. One without rows is not printed: a format that has no such table
 * leaves `authorisation` out of its file and the loader gives it none.
 */
export interface Authorisation {
  readonly title: string;
  /** Roles listed in the table, with name and sign-off date filled from the record (or use `rows`). */
  readonly roles: readonly string[];
  /** The table's rows in order, each a role and optionally the label printed for it. */
  readonly rows?: readonly { readonly role: string; readonly label?: string }[];
  readonly description?: string;
  /** A sentence printed above the table. */
  readonly intro?: string;
  /** Column headings (default Role, Name, Signed off). */
  readonly columns?: { readonly role: string; readonly name: string; readonly date: string };
  /** "10 July 2024" (default) or "10/07/2024". */
  readonly dateFormat?: AuthorisationDateFormat;
}

/**
 * - 'any-change': any change to the document re-opens the stage (the default);
 * - 'sections': only a change to the sections it `covers` (an S151 officer's sign-off of the financial
 *   implications);
 * - 'draft': nothing does: the stage endorsed a draft, and says which version.
 */
export type ReopenRule = 'any-change' | 'sections' | 'draft';

export interface RoleDefinition {
  readonly key: string;
  readonly title: string;
  /** A group role (e.g. the management team) is bound to several people. */
  readonly group: boolean;
  /** Who holds the role at this council and why the format uses it (shown to the plan lead). */
  readonly description?: string;
}

export interface ImplicationAuthor {
  /** Printed before the officer's name, e.g. "Author:" or "Completed by:". */
  readonly label: string;
  /** Before the implication's text or after it. */
  readonly position: 'before' | 'after';
}

export interface ReportFormat {
  readonly id: string;
  readonly council: string;
  readonly name: string;
  readonly decisionBody: string;
  /** Absent: an executive council, key decision chosen per plan, call-in on every decision. */
  readonly governance?: Governance;
  /** Absent: the England defaults throughout. */
  readonly timelineRules?: TimelineRuleOverrides;
  /** Where the format was read from (the council's own report) and anything the plan lead should know. */
  readonly description?: string;
  /** Paragraph numbers: none, continuous (Durham: 1, 2, 3 …) or by section (Barking: 1.1, 1.2, 2.1 …). */
  readonly paragraphNumbering: 'none' | 'continuous' | 'by-section';
  readonly roles: readonly RoleDefinition[];
  readonly headerFields: readonly HeaderField[];
  readonly headings: readonly ReportHeading[];
  readonly implications: {
    readonly presentation: ImplicationsPresentation;
    readonly headings: readonly ImplicationHeading[];
    /**
     * Who completes each implication, named whether or not they have signed off, with the sign-off state
     * on its own line. Absent: "Completed by: …" before the text, printed only once signed off.
     */
    readonly author?: ImplicationAuthor;
    /** Column headings of the table presentation; with `signOff`, a third column names the officer and state. */
    readonly tableColumns?: {
      readonly implication: string;
      readonly details: string;
      readonly signOff?: string;
    };
    /** The standard wording for "no implications" under any heading without its own. */
    readonly noneText?: string;
  };
  readonly authorisation: Authorisation;
  readonly appendices: readonly AppendixTemplate[];
  /**
   * How the council labels appendices, by position: "Appendix" + " – " gives "Appendix 1 – LBBD Productivity
   * Plan"; with style "letter", "Appendix A – …". Absent: appendices are titled without a label.
   */
  readonly appendixLabel?: {
    readonly prefix: string;
    readonly separator: string;
    readonly style?: 'number' | 'letter';
  };
  readonly approvalChain: readonly ApprovalStageTemplate[];
}
