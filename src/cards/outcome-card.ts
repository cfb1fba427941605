/** What happened: a stage closed (approved or changes requested), or the meeting's decision was recorded. */
import type { DecisionOutcome, IsoDate } from '../domain/plan/plan.js';
import type { ApprovalStageKind } from '../domain/templates/report-format.js';
import type { ApprovalTallyView } from './approval-card.js';
import { tallyElements, versionDetails, versionLabel } from './approval-card.js';
import type { AdaptiveCard, CardElement, TextColor } from './elements.js';
import { card, facts, heading, openUrl, text } from './elements.js';
import { userText } from './escape.js';
import { formatDate, LIMITS } from './card-text.js';

export interface StageClosedView {
  readonly kind: 'stage-closed';
  readonly outcome: 'approved' | 'changes-requested';
  readonly planTitle: string;
  readonly stageTitle: string;
  readonly stageKind: ApprovalStageKind;
  readonly version: number;
  readonly versionHash: string;
  /** The day the version went round in this stage (null: not known). */
  readonly versionDate?: IsoDate | null;
  /** The stage endorsed a draft: its answer stands for this version whatever changes later. */
  readonly draft?: boolean;
  readonly tally: ApprovalTallyView;
  readonly documentUrl: string;
  /** What happens now, e.g. "The portfolio holder is asked to sign off." */
  readonly nextStep: string | null;
}

export interface DecisionRecordedView {
  readonly kind: 'decision-recorded';
  readonly planTitle: string;
  readonly meetingBody: string;
  readonly meetingDate: IsoDate;
  readonly minuteReference: string;
  readonly outcome: DecisionOutcome;
  readonly callInEndsOn: IsoDate | null;
  readonly version: number;
  readonly versionHash: string;
  /** The day the version decided on went to the meeting (null: not known). */
  readonly versionDate?: IsoDate | null;
  readonly documentUrl: string;
}

export type OutcomeView = StageClosedView | DecisionRecordedView;

const DECISIONS: Readonly<Record<DecisionOutcome, { readonly label: string; readonly color: TextColor }>> = {
  approved: { label: 'Approved', color: 'good' },
  'approved-with-amendments': { label: 'Approved with amendments', color: 'good' },
  noted: { label: 'Noted', color: 'warning' },
  'noted-and-approved-for-publication': { label: 'Noted and approved for publication', color: 'good' },
  rejected: { label: 'Rejected', color: 'attention' },
  deferred: { label: 'Deferred', color: 'warning' },
};

function stageClosed(view: StageClosedView): CardElement[] {
  const approved = view.outcome === 'approved';
  const what =
    view.stageKind === 'endorsement' ? 'Endorsed' : view.stageKind === 'sign-off' ? 'Signed off' : 'Approved';
  return [
    text(approved ? what : 'Changes requested', { weight: 'bolder', color: approved ? 'good' : 'attention' }),
    heading(userText(view.stageTitle, LIMITS.title)),
    text(userText(view.planTitle, LIMITS.title), { isSubtle: true, spacing: 'none' }),
    text(`${view.draft ? 'Draft endorsed: ' : ''}${versionLabel(view.version, view.versionDate)}`, {
      weight: 'bolder',
      spacing: 'small',
    }),
    ...(view.draft && approved
      ? [text('Later changes to the plan will not ask for this endorsement again.', { isSubtle: true })]
      : []),
    ...tallyElements(view.tally),
    ...(view.nextStep === null ? [] : [text(userText(view.nextStep, LIMITS.guidance), { separator: true })]),
  ];
}

function decisionRecorded(view: DecisionRecordedView): CardElement[] {
  const decision = DECISIONS[view.outcome];
  return [
    text('Decision recorded', { isSubtle: true }),
    heading(userText(view.planTitle, LIMITS.title)),
    text(decision.label, { weight: 'bolder', color: decision.color, size: 'medium' }),
    facts([
      { title: 'Meeting', value: userText(view.meetingBody, LIMITS.title) },
      { title: 'Date', value: formatDate(view.meetingDate) },
      { title: 'Minute', value: userText(view.minuteReference, LIMITS.title) },
      ...(view.callInEndsOn === null
        ? []
        : [{ title: 'Call-in ends', value: formatDate(view.callInEndsOn) }]),
      { title: 'Version', value: versionLabel(view.version, view.versionDate) },
    ]),
  ];
}

export function outcomeCard(view: OutcomeView): AdaptiveCard {
  const body = view.kind === 'stage-closed' ? stageClosed(view) : decisionRecorded(view);
  body.push(versionDetails(view.versionHash));
  return card(body, [openUrl(`Open version ${view.version}`, view.documentUrl)]);
}
