/**
 * What a decision meeting can resolve about the plan, what each resolution does to it, and the words
 * people read for each. Which outcomes a meeting may reach, and which of them let the plan be published, are
 * data on the council's decision stage; the defaults are what every format meant before they were data.
 */

export const DECISION_OUTCOMES = [
  'approved',
  'approved-with-amendments',
  'noted',
  'noted-and-approved-for-publication',
  'rejected',
  'deferred',
] as const;

export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** A decision stage that does not list its outcomes allows these. */
export const DEFAULT_OUTCOMES: readonly DecisionOutcome[] = [
  'approved',
  'approved-with-amendments',
  'rejected',
  'deferred',
];

/** A decision stage that does not say which outcomes carry the plan on allows these to. */
export const DEFAULT_PUBLISHABLE_OUTCOMES: readonly DecisionOutcome[] = [
  'approved',
  'approved-with-amendments',
];

/** Outcomes that can never let a plan be published: nothing was decided, or the plan was turned down. */
export const NEVER_PUBLISHABLE: readonly DecisionOutcome[] = ['deferred', 'rejected'];

export const OUTCOME_WORDS: Readonly<Record<DecisionOutcome, string>> = {
  approved: 'Approved',
  'approved-with-amendments': 'Approved with amendments',
  noted: 'Noted',
  'noted-and-approved-for-publication': 'Noted and approved for publication',
  rejected: 'Rejected',
  deferred: 'Deferred',
};

/**
 * What recording an outcome does: `forward` closes the stage as approved (the next stage opens, or the plan
 * is decided and may be published); `wait` keeps the stage open for the next meeting; `back` closes it
 * with changes requested and the plan returns to drafting.
 */
export type OutcomeEffect = 'forward' | 'wait' | 'back';

export function outcomeEffect(
  outcome: DecisionOutcome,
  publishable: readonly DecisionOutcome[],
): OutcomeEffect {
  if (publishable.includes(outcome)) return 'forward';
  if (outcome === 'deferred') return 'wait';
  return 'back';
}

export const isDecisionOutcome = (value: unknown): value is DecisionOutcome =>
  typeof value === 'string' && (DECISION_OUTCOMES as readonly string[]).includes(value);

/** "approved, approved with amendments or deferred", for messages. */
export function outcomeList(outcomes: readonly DecisionOutcome[]): string {
  const words = outcomes.map((o) => OUTCOME_WORDS[o].toLowerCase());
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
