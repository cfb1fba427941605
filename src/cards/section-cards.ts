/** Cards about one section, sent to its owner; and the plan lead's list of overdue sections. */
import type { IsoDate } from '../domain/plan/plan.js';
import type { AdaptiveCard, CardAction, CardElement } from './elements.js';
import { card, container, execute, facts, heading, openUrl, text } from './elements.js';
import { userText } from './escape.js';
import { formatDate, LIMITS, plural } from './card-text.js';

/** Which section, and how to reach it: enough for the "Open" link and the "Mark as submitted" button. */
export interface SectionRef {
  readonly planId: string;
  readonly planTitle: string;
  readonly sectionKey: string;
  readonly sectionTitle: string;
  /** The section's revision now, so a submit names what the owner saw. */
  readonly revision: number;
  /** Deep link to the section in the tab. */
  readonly sectionUrl: string;
  /** How the text arrives, when not from one owner alone. */
  readonly contribution?: SectionContributionView;
}

/** Text from outside the council, joint authors, "to follow", and the council's "None" wording. */
export interface SectionContributionView {
  /** The recipient chases this party and enters their text. */
  readonly outsideParty: {
    readonly organisation: string;
    readonly contactName: string;
    readonly email: string | null;
  } | null;
  /** Joint authors by name, and those who have still to agree to the text as it stands. */
  readonly jointAuthors: {
    readonly names: readonly string[];
    readonly outstanding: readonly string[];
  } | null;
  readonly toFollow: { readonly from: string; readonly by: IsoDate | null } | null;
  /** Offered as a one-step "Complete as …" button when set. */
  readonly noneText: string | null;
}

export interface SectionAssignmentView extends SectionRef {
  /** Why the section matters: the template's guidance. */
  readonly guidance: string;
  readonly promptQuestions: readonly string[];
  readonly dueDate: IsoDate | null;
  readonly wordBudget: number | null;
  readonly assignedByName: string | null;
}

const openSection = (view: SectionRef) => openUrl('Open in Plan Builder', view.sectionUrl);

const submitSection = (view: SectionRef) =>
  execute(
    view.contribution?.jointAuthors ? 'Agree and submit' : 'Mark as submitted',
    'section.submit',
    { planId: view.planId, sectionKey: view.sectionKey, revision: view.revision },
    { associatedInputs: 'none', style: 'positive' },
  );

/** "Complete as “None.”": the council's standard wording, entered and submitted in one step. */
const completeAsNone = (view: SectionRef): CardAction[] => {
  const wording = view.contribution?.noneText;
  if (!wording) return [];
  // The wording is the council's data: it goes in the card's text, never in a button's title.
  return [
    execute(
      'Complete as none',
      'section.none',
      { planId: view.planId, sectionKey: view.sectionKey, revision: view.revision },
      { associatedInputs: 'none' },
    ),
  ];
};

const sectionActions = (view: SectionRef): CardAction[] => [
  openSection(view),
  submitSection(view),
  ...completeAsNone(view),
];

/** Who the text comes from and what the recipient is asked to do about it. */
function contributionElements(view: SectionRef): CardElement[] {
  const c = view.contribution;
  if (!c) return [];
  const lines: CardElement[] = [];
  if (c.outsideParty) {
    const party = c.outsideParty;
    lines.push(
      container(
        [
          text(
            `Awaited from ${userText(party.organisation, LIMITS.name)} (${userText(party.contactName, LIMITS.name)}${party.email ? `, ${userText(party.email, LIMITS.name)}` : ''}).`,
            { weight: 'bolder' },
          ),
          text('You chase them for it and enter their text; it is recorded as entered on their behalf.', {
            spacing: 'none',
          }),
        ],
        { style: 'emphasis' },
      ),
    );
  }
  if (c.jointAuthors) {
    const { names, outstanding } = c.jointAuthors;
    lines.push(
      text(
        `Joint authors: ${names.map((n) => userText(n, LIMITS.name)).join(', ')}. Each of you agrees before it counts as submitted.`,
      ),
    );
    if (outstanding.length > 0) {
      lines.push(
        text(`Still to agree: ${outstanding.map((n) => userText(n, LIMITS.name)).join(', ')}.`, {
          isSubtle: true,
          spacing: 'none',
        }),
      );
    }
  }
  if (c.noneText) {
    lines.push(
      text(
        `Nothing to report? “Complete as none” enters “${userText(c.noneText, LIMITS.guidance)}” and submits it.`,
        {
          isSubtle: true,
        },
      ),
    );
  }
  if (c.toFollow) {
    lines.push(
      text(
        `To follow: the plan goes ahead without it for now; it is awaited from ${userText(c.toFollow.from, LIMITS.name)}${c.toFollow.by ? ` by ${formatDate(c.toFollow.by)}` : ''}.`,
        { isSubtle: true },
      ),
    );
  }
  return lines;
}

const planLine = (planTitle: string): CardElement =>
  text(userText(planTitle, LIMITS.title), { isSubtle: true, spacing: 'none' });

const bullets = (items: readonly string[], max: number): CardElement[] =>
  items.map((item) => text(`• ${userText(item, max)}`, { spacing: 'small' }));

export function sectionAssignmentCard(view: SectionAssignmentView): AdaptiveCard {
  const details = [
    { title: 'Due', value: view.dueDate ? formatDate(view.dueDate) : 'No date set' },
    ...(view.wordBudget !== null ? [{ title: 'Length', value: `About ${view.wordBudget} words` }] : []),
    ...(view.assignedByName !== null
      ? [{ title: 'Assigned by', value: userText(view.assignedByName, LIMITS.name) }]
      : []),
  ];
  const body: CardElement[] = [
    text('You have a section to write', { isSubtle: true }),
    heading(userText(view.sectionTitle, LIMITS.title)),
    planLine(view.planTitle),
    facts(details),
    ...contributionElements(view),
    text('Why it matters', { weight: 'bolder', separator: true }),
    text(userText(view.guidance, LIMITS.guidance)),
  ];
  if (view.promptQuestions.length > 0) {
    body.push(
      text('Questions to answer', { weight: 'bolder' }),
      ...bullets(view.promptQuestions, LIMITS.question),
    );
  }
  return card(body, sectionActions(view));
}

export interface ChangesRequestedView extends SectionRef {
  readonly comment: string;
  readonly requestedByName: string;
}

export function changesRequestedCard(view: ChangesRequestedView): AdaptiveCard {
  return card(
    [
      text('Changes requested', { color: 'attention', weight: 'bolder' }),
      heading(userText(view.sectionTitle, LIMITS.title)),
      planLine(view.planTitle),
      text(`${userText(view.requestedByName, LIMITS.name)} asked for changes:`, { separator: true }),
      container([text(userText(view.comment, LIMITS.comment))], { style: 'emphasis' }),
      text('Make the changes in Plan Builder, then mark the section as submitted again.', { isSubtle: true }),
    ],
    [openSection(view), submitSection(view)],
  );
}

export type ReminderTiming =
  | { readonly kind: 'upcoming'; readonly daysLeft: number }
  | { readonly kind: 'due-today' }
  | { readonly kind: 'overdue'; readonly daysOverdue: number };

export interface ReminderView extends SectionRef {
  readonly dueDate: IsoDate;
  readonly timing: ReminderTiming;
}

function timingLine(timing: ReminderTiming): CardElement {
  switch (timing.kind) {
    case 'upcoming':
      return text(`Due in ${plural(timing.daysLeft, 'day')}`, { weight: 'bolder' });
    case 'due-today':
      return text('Due today', { weight: 'bolder', color: 'warning' });
    case 'overdue':
      return text(`Overdue by ${plural(timing.daysOverdue, 'day')}`, {
        weight: 'bolder',
        color: 'attention',
      });
  }
}

export function reminderCard(view: ReminderView): AdaptiveCard {
  return card(
    [
      text('Reminder', { isSubtle: true }),
      heading(userText(view.sectionTitle, LIMITS.title)),
      planLine(view.planTitle),
      timingLine(view.timing),
      facts([{ title: 'Due', value: formatDate(view.dueDate) }]),
      ...contributionElements(view),
    ],
    sectionActions(view),
  );
}

export interface OverdueSection {
  readonly sectionTitle: string;
  readonly ownerName: string | null;
  /** How the owner stands to the text: "Joint author", "Chasing County Chief Executives Group". */
  readonly role?: string | null;
  readonly dueDate: IsoDate;
  readonly daysOverdue: number;
}

export interface EscalationView {
  readonly planTitle: string;
  readonly overdue: readonly OverdueSection[];
  /** Deep link to the plan in the tab. */
  readonly planUrl: string;
}

/** To the plan lead: every overdue section and who owns it. */
export function escalationCard(view: EscalationView): AdaptiveCard {
  const rows: CardElement[] = view.overdue.map((section) =>
    container(
      [
        text(userText(section.sectionTitle, LIMITS.title), { weight: 'bolder' }),
        facts(
          [
            {
              title: 'Owner',
              value:
                section.ownerName === null ? 'Nobody assigned' : userText(section.ownerName, LIMITS.name),
            },
            ...(section.role ? [{ title: 'As', value: userText(section.role, LIMITS.name) }] : []),
            { title: 'Due', value: formatDate(section.dueDate) },
            { title: 'Overdue', value: plural(section.daysOverdue, 'day') },
          ],
          'small',
        ),
      ],
      { separator: true },
    ),
  );
  return card(
    [
      text('Overdue sections', { color: 'attention', weight: 'bolder' }),
      heading(userText(view.planTitle, LIMITS.title)),
      text(`${plural(view.overdue.length, 'section is', 'sections are')} past the due date.`),
      ...rows,
    ],
    [openUrl('Open the plan', view.planUrl)],
  );
}
