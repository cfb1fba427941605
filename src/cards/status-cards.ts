/** Answers to chat commands: `status`, `my sections`, `help`, and anything else. */
import type { IsoDate, PlanStatus, SectionStatus } from '../domain/plan/plan.js';
import type { PageBudgetStatus } from '../domain/checks/page-estimate.js';
import type { AdaptiveCard, CardElement } from './elements.js';
import { card, container, execute, facts, heading, openUrl, text } from './elements.js';
import { userText } from './escape.js';
import { formatDate, LIMITS, plural, SECTION_STATUS_LABELS } from './card-text.js';

export interface StatusSectionLine {
  readonly title: string;
  readonly status: SectionStatus;
  readonly ownerName: string | null;
  readonly dueDate: IsoDate | null;
}

export interface StatusStageLine {
  readonly title: string;
  readonly state: 'waiting' | 'open' | 'approved' | 'changes-requested';
  readonly approved: number;
  readonly needed: number;
  readonly waiting: number;
}

export interface StatusView {
  readonly planTitle: string;
  readonly planStatus: PlanStatus;
  readonly version: number;
  readonly sections: readonly StatusSectionLine[];
  readonly coverage: { readonly answered: number; readonly notApplicable: number; readonly missing: number };
  readonly pages: {
    readonly pages: number;
    readonly minPages: number;
    readonly maxPages: number;
    readonly status: PageBudgetStatus;
  };
  /** The stage now under way, or the next to open; null when none is left. */
  readonly currentStage: StatusStageLine | null;
  readonly planUrl: string;
}

const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  drafting: 'Drafting',
  'in-approval': 'In approval',
  'awaiting-decision': 'Awaiting decision',
  decided: 'Decided',
  published: 'Published',
};

const PAGE_STATUS_LABELS: Readonly<Record<PageBudgetStatus, string>> = {
  under: 'under the budget',
  within: 'within the budget',
  over: 'over the budget',
};

const STAGE_STATE_LABELS: Readonly<Record<StatusStageLine['state'], string>> = {
  waiting: 'not started',
  open: 'under way',
  approved: 'approved',
  'changes-requested': 'changes requested',
};

const STATUS_ORDER: readonly SectionStatus[] = [
  'not-started',
  'drafting',
  'changes-requested',
  'submitted',
  'accepted',
];

function stageLine(stage: StatusStageLine): string {
  const progress =
    stage.state === 'open'
      ? `: ${stage.approved} of ${stage.needed} approvals, ${stage.waiting} waiting`
      : '';
  return `${userText(stage.title, LIMITS.title)}, ${STAGE_STATE_LABELS[stage.state]}${progress}`;
}

export function statusCard(view: StatusView): AdaptiveCard {
  const counts = STATUS_ORDER.map((status) => ({
    status,
    count: view.sections.filter((section) => section.status === status).length,
  })).filter((entry) => entry.count > 0);
  const sectionRows: CardElement[] = view.sections.map((section) => {
    const owner = section.ownerName === null ? 'unassigned' : userText(section.ownerName, LIMITS.name);
    const due = section.dueDate === null ? '' : `, due ${formatDate(section.dueDate)}`;
    return text(
      `${userText(section.title, LIMITS.title)}: ${SECTION_STATUS_LABELS[section.status]} (${owner}${due})`,
      { spacing: 'small' },
    );
  });
  const { coverage, pages } = view;
  return card(
    [
      text('Plan status', { isSubtle: true }),
      heading(userText(view.planTitle, LIMITS.title)),
      facts([
        { title: 'Stage', value: PLAN_STATUS_LABELS[view.planStatus] },
        { title: 'Version', value: String(view.version) },
        {
          title: 'Sections',
          value:
            counts.map((c) => `${c.count} ${SECTION_STATUS_LABELS[c.status].toLowerCase()}`).join(', ') ||
            'None',
        },
        {
          title: 'Questions',
          value: `${coverage.answered} answered, ${coverage.notApplicable} not applicable, ${coverage.missing} open`,
        },
        {
          title: 'Length',
          value: `About ${plural(pages.pages, 'page')}, ${PAGE_STATUS_LABELS[pages.status]} of ${pages.minPages}–${pages.maxPages}`,
        },
        {
          title: 'Approvals',
          value: view.currentStage === null ? 'None left' : stageLine(view.currentStage),
        },
      ]),
      container([text('Sections', { weight: 'bolder' }), ...sectionRows], { separator: true }),
    ],
    [openUrl('Open the plan', view.planUrl)],
  );
}

export interface MySectionLine {
  readonly planTitle: string;
  readonly sectionTitle: string;
  readonly status: SectionStatus;
  readonly dueDate: IsoDate | null;
  /** Positive when past due. */
  readonly daysOverdue: number | null;
  readonly sectionUrl: string;
}

export interface MySectionsView {
  readonly sections: readonly MySectionLine[];
}

export function mySectionsCard(view: MySectionsView): AdaptiveCard {
  if (view.sections.length === 0) {
    return card([heading('Your sections'), text('You have no sections to write at the moment.')]);
  }
  const rows = view.sections.map((section) => {
    const overdue = section.daysOverdue !== null && section.daysOverdue > 0;
    const due =
      section.dueDate === null
        ? 'No due date'
        : `Due ${formatDate(section.dueDate)}${overdue ? `, ${plural(section.daysOverdue ?? 0, 'day')} overdue` : ''}`;
    return container(
      [
        text(userText(section.sectionTitle, LIMITS.title), { weight: 'bolder' }),
        text(userText(section.planTitle, LIMITS.title), { isSubtle: true, spacing: 'none' }),
        text(`${SECTION_STATUS_LABELS[section.status]}. ${due}.`, {
          spacing: 'none',
          ...(overdue ? { color: 'attention' as const } : {}),
        }),
        {
          type: 'ActionSet',
          actions: [openUrl('Open', section.sectionUrl)],
        },
      ],
      { separator: true },
    );
  });
  return card([
    heading('Your sections'),
    text(`You have ${plural(view.sections.length, 'section')}.`),
    ...rows,
  ]);
}

export const COMMANDS: readonly { readonly command: string; readonly description: string }[] = [
  {
    command: 'status',
    description:
      "The plan's progress: sections, questions, length and approvals. In a management team's chat, that team's plan; elsewhere, your plans.",
  },
  { command: 'my sections', description: 'The sections you write, with their due dates.' },
  {
    command: 'use this chat for management team',
    description:
      "In a group chat or channel, for a plan lead: the management team's approval cards are posted here, with a card for any stage already open.",
  },
  { command: 'help', description: 'This list.' },
];

/** The list of commands; given what someone typed that was not one, it says so first. */
export function helpCard(unrecognised: string | null = null): AdaptiveCard {
  const body: CardElement[] = [];
  if (unrecognised !== null) {
    body.push(
      text(`Sorry, I don't know "${userText(unrecognised.trim(), LIMITS.command)}".`, { weight: 'bolder' }),
    );
  }
  body.push(
    heading('What I can do'),
    facts(COMMANDS.map((entry) => ({ title: entry.command, value: entry.description }))),
    text(
      'I also send you your sections to write, reminders before they are due, and approval cards when a ' +
        'plan needs your sign-off. In a group chat or channel, mention me first. Writing and editing happen ' +
        'in the Plan Builder tab.',
      { isSubtle: true },
    ),
  );
  return card(body);
}

export interface PlanChoice {
  readonly planId: string;
  readonly planTitle: string;
  readonly planStatus: PlanStatus;
}

/** `status` from someone in several plans: which one. */
export function planChoiceCard(plans: readonly PlanChoice[]): AdaptiveCard {
  return card([
    heading('Which plan?'),
    text(`You are part of ${plural(plans.length, 'plan')}.`),
    ...plans.map((plan) =>
      container(
        [
          text(userText(plan.planTitle, LIMITS.title), { weight: 'bolder' }),
          text(PLAN_STATUS_LABELS[plan.planStatus], { isSubtle: true, spacing: 'none' }),
          { type: 'ActionSet', actions: [execute('Status', 'plan.status', { planId: plan.planId })] },
        ],
        { separator: true },
      ),
    ),
  ]);
}
