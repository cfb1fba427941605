/**
 * What the government asked of a submitted plan, checked against the plan: every prompt question
 * answered or marked not applicable, the 3–4 page expectation, Theme 3's figures, member endorsement
 * (the recorded decision) and web publication. Shown before publishing and submitting; the blocking ones
 * stop the submission being recorded.
 */
import { formatDate } from '../wording/dates.js';
import { callInAllows } from '../governance/call-in.js';
import { planCoverage } from './coverage.js';
import { stagePublishableOutcomes } from '../governance/governance.js';
import { validateFigures } from '../sections/figures.js';
import { estimatePlanPages, type PageMetrics } from './page-estimate.js';
import type { IsoDateTime, Plan } from '../plan/plan.js';
import { isNotIncluded, sectionsToFollow } from '../sections/contribution.js';
import { missingHeaderSentence } from '../plan/header-values.js';

export interface SubmissionCheck {
  readonly key:
    | 'questions'
    | 'length'
    | 'figures'
    | 'member-endorsement'
    | 'web-publication'
    | 'call-in'
    | 'not-included'
    | 'to-follow'
    | 'report-header';
  readonly passed: boolean;
  /** A failed blocking check stops the submission; a failed advisory one is shown as a warning. */
  readonly blocking: boolean;
  readonly message: string;
}

/** The recorded decision let the plan go on to publication: a publishable outcome at the last stage. */
function endorsed(plan: Plan): boolean {
  const decision = plan.decision;
  if (decision === null || (plan.status !== 'decided' && plan.status !== 'published')) return false;
  const stage = plan.stages.find((s) => s.key === decision.stageKey);
  return stage !== undefined && stagePublishableOutcomes(stage).includes(decision.outcome);
}

/**
 * With `now`, a decision open to call-in is a blocking check of its own: the plan cannot be submitted
 * before call-in ends, unless it was published under the council's urgency rule.
 */
export function submissionChecks(plan: Plan, metrics?: PageMetrics, now?: IsoDateTime): SubmissionCheck[] {
  const coverage = planCoverage(plan);
  const pages = estimatePlanPages(plan, metrics);
  const figureProblems = plan.sections.flatMap((s) => {
    const checked = validateFigures(s.definition.figureFields, s.figures, { requireBases: true });
    const missing = s.definition.figureFields.filter(
      (f) => f.kind === 'entered' && (s.figures[f.key] ?? null) === null,
    );
    return [
      ...(checked.ok ? [] : [checked.error.message]),
      ...(missing.length > 0 ? [`${s.definition.title}: ${missing.length} figure(s) not entered`] : []),
    ];
  });
  const approved = endorsed(plan);
  const ends = plan.decision?.callInEndsOn ?? null;
  const callIn = now === undefined || ends === null ? null : callInAllows(plan, now, 'submit');
  const callInCheck: SubmissionCheck[] =
    callIn === null
      ? []
      : [
          {
            key: 'call-in',
            passed: callIn.ok,
            blocking: true,
            message: callIn.ok
              ? callIn.value === 'overridden'
                ? `Published before call-in ended, as urgent (${plan.publication?.callInOverride?.reason ?? ''}).`
                : `The call-in period ended on ${formatDate(ends ?? '')}.`
              : callIn.error.message,
          },
        ];
  const notIncluded = plan.sections.filter(isNotIncluded).map((s) => s.definition.title);
  const awaited = sectionsToFollow(plan).map((s) => s.definition.title);
  const missingHeader = missingHeaderSentence(plan);
  return [
    {
      key: 'questions',
      passed: coverage.missing === 0,
      blocking: false,
      message:
        coverage.missing === 0
          ? `All ${coverage.questions.length} prompt questions are answered or marked not applicable.`
          : `${coverage.missing} of ${coverage.questions.length} prompt questions are neither answered nor marked not applicable.`,
    },
    {
      key: 'length',
      passed: pages.status === 'within',
      blocking: false,
      message: `About ${pages.pages} pages; the expectation is ${pages.minPages}–${pages.maxPages}.`,
    },
    {
      key: 'figures',
      passed: figureProblems.length === 0,
      blocking: false,
      message:
        figureProblems.length === 0
          ? 'Every structured figure is entered and consistent.'
          : figureProblems.join('; '),
    },
    {
      key: 'not-included',
      passed: notIncluded.length === 0,
      blocking: false,
      message:
        notIncluded.length === 0
          ? 'Every optional section is written, to follow, or not in this template.'
          : `Not included (optional, left empty): ${notIncluded.join(', ')}. Leave them out only if that is the decision.`,
    },
    {
      key: 'to-follow',
      passed: awaited.length === 0,
      blocking: false,
      message:
        awaited.length === 0
          ? 'No section is still to follow.'
          : `Still to follow: ${awaited.join(', ')}. The documents show a “To follow” placeholder for each.`,
    },
    {
      key: 'member-endorsement',
      passed: approved,
      blocking: true,
      message: approved
        ? `Endorsed by ${plan.decision!.meetingBody} on ${plan.decision!.meetingDate}.`
        : 'Members have not endorsed the plan yet: record the decision first.',
    },
    {
      key: 'web-publication',
      passed: plan.publication !== null,
      blocking: true,
      message: plan.publication
        ? 'Published on the council’s website.'
        : 'Publish the plan before submitting it.',
    },
    ...callInCheck,
    {
      key: 'report-header',
      passed: missingHeader === null,
      blocking: false,
      message:
        missingHeader === null
          ? 'Every required row of the report header is filled in.'
          : `The report header has required rows left empty: ${missingHeader}. Fill them in the plan settings.`,
    },
  ];
}
