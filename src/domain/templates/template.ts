/**
 * A plan template is data (src/templates/*.json), validated against a schema when it is loaded.
 * Nothing in the engine knows about any particular plan type: the Productivity Plan is one data file.
 */

/** Where a prompt question or requirement comes from, so the tab can attribute it. */
export interface SourceRef {
  readonly title: string;
  readonly author: string;
  readonly date: string; // ISO date
}

export interface PromptQuestion {
  /** Stable within the template, e.g. "t1.q3". Answers are stored against it. */
  readonly id: string;
  readonly text: string;
  readonly source: SourceRef;
  /** Keys of the section's structured figures that answer this question, if any. */
  readonly figureKeys?: readonly string[];
}

export type FigureUnit = 'currency-gbp' | 'count' | 'hours' | 'percent';

/**
 * A structured figure: either entered (with its unit) or derived as a share of two entered figures,
 * so a percentage is computed and checked rather than typed.
 */
export type FigureField =
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'entered';
      readonly unit: Exclude<FigureUnit, 'percent'>;
      readonly description?: string;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'share';
      readonly numeratorKey: string;
      readonly denominatorKey: string;
      readonly description?: string;
    };

export type SectionKind = 'foreword' | 'narrative' | 'implications' | 'kpis' | 'milestones';

export interface SectionTemplate {
  readonly key: string;
  readonly title: string;
  readonly kind: SectionKind;
  readonly guidance: string;
  /** Words the section should take, used for the page estimate and shown to the writer. */
  readonly wordBudget: number;
  readonly required: boolean;
  /** The theme number when the section answers one of the plan type's themes. */
  readonly theme?: number;
  readonly promptQuestions: readonly PromptQuestion[];
  readonly figures: readonly FigureField[];
}

export interface RequiredStep {
  readonly key: 'member-endorsement' | 'web-publication' | 'submission' | 'progress-updates';
  readonly title: string;
  readonly description: string;
  readonly source: SourceRef;
}

export interface PlanTemplate {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly planType: string;
  readonly issuedBy: string;
  readonly sources: readonly SourceRef[];
  readonly pageBudget: { readonly minPages: number; readonly maxPages: number; readonly source: SourceRef };
  readonly submission: {
    readonly deadline: string; // ISO date
    readonly to: string;
    readonly source: SourceRef;
  };
  readonly requiredSteps: readonly RequiredStep[];
  readonly sections: readonly SectionTemplate[];
}
