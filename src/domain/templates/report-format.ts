/**
 * A council's cover-report format: the report that takes the plan to the decision meeting.
 * Each council is one data file; a new council needs only a new file.
 */

export type HeaderFieldType = 'text' | 'boolean' | 'date' | 'choice' | 'person' | 'wards';

export interface HeaderField {
  readonly key: string;
  readonly label: string;
  readonly type: HeaderFieldType;
  readonly required: boolean;
  readonly choices?: readonly string[];
  /** The role whose holder fills a person field by default, e.g. "portfolio-holder". */
  readonly defaultRole?: string;
}

export type HeadingKind =
  | 'summary'
  | 'recommendations'
  | 'reasons'
  | 'narrative'
  | 'corporate-plan-objectives'
  | 'implications'
  | 'appendices'
  | 'background-papers'
  | 'author';

export interface ReportHeading {
  readonly key: string;
  readonly title: string;
  readonly kind: HeadingKind;
  /** Whether the heading carries a section number ("4. Financial Implications"). */
  readonly numbered: boolean;
  readonly guidance?: string;
  /** For an "implications" heading: which implications (by key) it holds, in order. */
  readonly implicationKeys?: readonly string[];
}

export interface ImplicationHeading {
  readonly key: string;
  readonly title: string;
  /** The role that completes and signs off this paragraph; absent when the report author writes it. */
  readonly completedByRole?: string;
  readonly defaultText?: string;
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
}

export interface RoleDefinition {
  readonly key: string;
  readonly title: string;
  /** A group role (e.g. the management team) is bound to several people. */
  readonly group: boolean;
  /** Who holds the role at this council and why the format uses it (shown to the plan lead). */
  readonly description?: string;
}

export interface ReportFormat {
  readonly id: string;
  readonly council: string;
  readonly name: string;
  readonly decisionBody: string;
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
  };
  readonly authorisation: {
    readonly title: string;
    /** Roles listed in the authorisation table, with name and sign-off date filled from the record. */
    readonly roles: readonly string[];
    readonly description?: string;
  };
  readonly appendices: readonly AppendixTemplate[];
  /**
   * How the council labels appendices, numbered by position: "Appendix" + " – " gives
   * "Appendix 1 – LBBD Productivity Plan". Absent: appendices are titled without a label.
   */
  readonly appendixLabel?: { readonly prefix: string; readonly separator: string };
  readonly approvalChain: readonly ApprovalStageTemplate[];
}
