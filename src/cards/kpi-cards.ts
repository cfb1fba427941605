/**
 * Cards for KPI check-ins: the owner's card to give a period's value and a short commentary from the
 * card itself, the answer to that card, and the plan lead's list of overdue check-ins.
 *
 * The check-in card needs Input.Number, which no other card uses, so its type lives here rather than
 * in elements.ts. Numbers arrive from clients as text (the renderers send every input value as a
 * string); verbs.ts reads them either way.
 */
import type { Rag } from '../domain/kpis/rag.js';
import type { IsoDate } from '../domain/plan/plan.js';
import type { AdaptiveCard, CardAction, CardElement, ContainerStyle, InputText } from './elements.js';
import { CARD_SCHEMA, CARD_VERSION, container, execute, facts, heading, openUrl, text } from './elements.js';
import { plainText, userText } from './escape.js';
import { formatDate, LIMITS, plural } from './card-text.js';
import { INPUT_IDS } from './verbs.js';

/** Adaptive Cards 1.5 Input.Number, as far as these cards use it. */
export interface InputNumber {
  readonly type: 'Input.Number';
  readonly id: string;
  readonly label: string;
  readonly min?: number;
  readonly max?: number;
  readonly placeholder?: string;
  readonly value?: number;
  readonly isRequired?: true;
  readonly errorMessage?: string;
}

/** InputText with the value it shows (a commentary typed before a refusal is not lost). */
export type PrefilledText = InputText & { readonly value?: string };

export type KpiCardElement = CardElement | InputNumber | PrefilledText;

export interface KpiCard extends Omit<AdaptiveCard, 'body' | 'actions' | 'refresh'> {
  readonly body: readonly KpiCardElement[];
  readonly actions?: readonly CardAction[];
}

export const KPI_COMMENT_MAX = 1000;

function kpiCard(body: readonly KpiCardElement[], actions: readonly CardAction[]): KpiCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, actions };
}

export type Notice = { readonly tone: 'info' | 'good' | 'warning'; readonly text: string };

const NOTICE_STYLES: Readonly<Record<Notice['tone'], ContainerStyle>> = {
  info: 'emphasis',
  good: 'good',
  warning: 'warning',
};

const noticeBlock = (notice: Notice): CardElement =>
  container([text(userText(notice.text, LIMITS.guidance))], { style: NOTICE_STYLES[notice.tone] });

/** What the owner is asked for: one number, or the part and whole of a share (never a typed percentage). */
export type CheckInInputs =
  | {
      readonly kind: 'value';
      readonly label: string;
      readonly min: number | null;
      readonly max: number | null;
    }
  | { readonly kind: 'share'; readonly partLabel: string; readonly wholeLabel: string };

export interface KpiCheckInView {
  readonly planId: string;
  readonly planTitle: string;
  readonly kpiId: string;
  readonly kpiName: string;
  readonly definition: string;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly dueBy: IsoDate;
  readonly timing: 'due' | 'overdue';
  readonly inputs: CheckInInputs;
  /** Already formatted ("4.2%", "£1,250"). */
  readonly baseline: string;
  readonly target: string;
  readonly latest: { readonly periodLabel: string; readonly value: string } | null;
  /** Deep link to the KPI in the tab. */
  readonly kpiUrl: string;
  /** Why the card is shown again (a value that was refused), with what was typed kept in the inputs. */
  readonly notice: Notice | null;
  readonly entered: {
    readonly value: number | null;
    readonly part: number | null;
    readonly whole: number | null;
    readonly comment: string | null;
  } | null;
}

function numberInput(
  id: string,
  label: string,
  entered: number | null | undefined,
  range: { min: number | null; max: number | null },
): InputNumber {
  return {
    type: 'Input.Number',
    id,
    // An input's label is plain text in every client: no markdown, so nothing to neutralise.
    label: plainText(label, LIMITS.title),
    isRequired: true,
    errorMessage: 'Enter a number',
    ...(range.min === null ? {} : { min: range.min }),
    ...(range.max === null ? {} : { max: range.max }),
    ...(entered === null || entered === undefined ? {} : { value: entered }),
  };
}

function inputsFor(view: KpiCheckInView): KpiCardElement[] {
  const entered = view.entered;
  const numbers: InputNumber[] =
    view.inputs.kind === 'share'
      ? [
          numberInput(INPUT_IDS.part, view.inputs.partLabel, entered?.part, { min: 0, max: null }),
          numberInput(INPUT_IDS.whole, view.inputs.wholeLabel, entered?.whole, { min: 0, max: null }),
        ]
      : [numberInput(INPUT_IDS.value, view.inputs.label, entered?.value, view.inputs)];
  const comment: PrefilledText = {
    type: 'Input.Text',
    id: INPUT_IDS.comment,
    label: 'Commentary (what explains the figure, what happens next)',
    isMultiline: true,
    maxLength: KPI_COMMENT_MAX,
    ...(entered?.comment ? { value: entered.comment.slice(0, KPI_COMMENT_MAX) } : {}),
  };
  return [...numbers, comment];
}

/** To the KPI's owner: the value for a period and a short commentary, given on the card. */
export function kpiCheckInCard(view: KpiCheckInView): KpiCard {
  const body: KpiCardElement[] = [
    view.timing === 'overdue'
      ? text('Check-in overdue', { color: 'attention', weight: 'bolder' })
      : text('KPI check-in', { isSubtle: true }),
  ];
  if (view.notice !== null) body.push(noticeBlock(view.notice));
  body.push(
    heading(userText(view.kpiName, LIMITS.title)),
    text(userText(view.planTitle, LIMITS.title), { isSubtle: true, spacing: 'none' }),
    text(userText(view.definition, LIMITS.guidance), { spacing: 'small' }),
    facts([
      { title: 'Period', value: userText(view.periodLabel, LIMITS.command) },
      { title: 'Due by', value: formatDate(view.dueBy) },
      { title: 'Baseline', value: userText(view.baseline, LIMITS.command) },
      { title: 'Target', value: userText(view.target, LIMITS.command) },
      ...(view.latest === null
        ? []
        : [
            {
              title: 'Last value',
              value: `${userText(view.latest.value, LIMITS.command)} (${userText(view.latest.periodLabel, LIMITS.command)})`,
            },
          ]),
    ]),
    ...inputsFor(view),
  );
  if (view.inputs.kind === 'share')
    body.push(
      text('The percentage is worked out from these two figures.', { isSubtle: true, spacing: 'small' }),
    );
  return kpiCard(body, [
    execute(
      'Record',
      'kpi.checkin',
      { planId: view.planId, kpiId: view.kpiId, periodKey: view.periodKey },
      { associatedInputs: 'auto', style: 'positive' },
    ),
    openUrl('Open in Plan Builder', view.kpiUrl),
  ]);
}

export const RAG_TEXT: Readonly<
  Record<
    Rag | 'none',
    { readonly label: string; readonly color: 'good' | 'warning' | 'attention' | 'default' }
  >
> = {
  green: { label: 'Green: on track', color: 'good' },
  amber: { label: 'Amber: behind the trajectory, better than the baseline', color: 'warning' },
  red: { label: 'Red: no better than the baseline', color: 'attention' },
  none: { label: 'No status yet', color: 'default' },
};

export interface KpiCheckInRecordedView {
  readonly planTitle: string;
  readonly kpiName: string;
  readonly periodLabel: string;
  /** Already formatted, with its basis for a share. */
  readonly value: string;
  readonly commentary: string | null;
  readonly rag: Rag | 'none';
  readonly recordedByName: string;
  readonly recordedOn: IsoDate;
  readonly kpiUrl: string;
  readonly notice: Notice;
}

/** The answer to a check-in: what stands now for the period, and whether this click changed it. */
export function kpiCheckInRecordedCard(view: KpiCheckInRecordedView): KpiCard {
  const rag = RAG_TEXT[view.rag];
  return kpiCard(
    [
      noticeBlock(view.notice),
      heading(userText(view.kpiName, LIMITS.title)),
      text(userText(view.planTitle, LIMITS.title), { isSubtle: true, spacing: 'none' }),
      facts([
        { title: 'Period', value: userText(view.periodLabel, LIMITS.command) },
        { title: 'Value', value: userText(view.value, LIMITS.title) },
        {
          title: 'Recorded by',
          value: `${userText(view.recordedByName, LIMITS.name)}, ${formatDate(view.recordedOn)}`,
        },
      ]),
      text(rag.label, { weight: 'bolder', color: rag.color }),
      ...(view.commentary === null
        ? []
        : [container([text(userText(view.commentary, LIMITS.comment))], { style: 'emphasis' })]),
    ],
    [openUrl('Open in Plan Builder', view.kpiUrl)],
  );
}

export interface OverdueCheckInView {
  readonly kpiName: string;
  readonly ownerName: string;
  readonly periodLabel: string;
  readonly dueBy: IsoDate;
  readonly daysOverdue: number;
}

export interface KpiEscalationView {
  readonly planTitle: string;
  readonly planUrl: string;
  readonly overdue: readonly OverdueCheckInView[];
}

/** Cards carry at most this many rows; the rest are counted, and all are in the tab. */
export const ESCALATION_ROWS = 20;

/** To the plan lead: every overdue check-in and whose it is. */
export function kpiEscalationCard(view: KpiEscalationView): KpiCard {
  const shown = view.overdue.slice(0, ESCALATION_ROWS);
  const rows: CardElement[] = shown.map((o) =>
    container(
      [
        text(userText(o.kpiName, LIMITS.title), { weight: 'bolder' }),
        facts(
          [
            { title: 'Owner', value: userText(o.ownerName, LIMITS.name) },
            { title: 'Period', value: userText(o.periodLabel, LIMITS.command) },
            { title: 'Was due', value: formatDate(o.dueBy) },
            { title: 'Overdue', value: plural(o.daysOverdue, 'day') },
          ],
          'small',
        ),
      ],
      { separator: true },
    ),
  );
  const more = view.overdue.length - shown.length;
  return kpiCard(
    [
      text('Overdue KPI check-ins', { color: 'attention', weight: 'bolder' }),
      heading(userText(view.planTitle, LIMITS.title)),
      text(`${plural(view.overdue.length, 'check-in is', 'check-ins are')} past the date the value was due.`),
      ...rows,
      ...(more > 0 ? [text(`And ${more} more: see the plan’s KPIs.`, { isSubtle: true })] : []),
    ],
    [openUrl('Open the plan’s KPIs', view.planUrl)],
  );
}
