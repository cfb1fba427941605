/** Cards about one section, sent to its owner; and the plan lead's list of overdue sections. */
import type { IsoDate } from '../domain/plan/plan.js';
import type { AdaptiveCard, CardElement } from './elements.js';
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
    'Mark as submitted',
    'section.submit',
    { planId: view.planId, sectionKey: view.sectionKey, revision: view.revision },
    { associatedInputs: 'none', style: 'positive' },
  );

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
    text('Why it matters', { weight: 'bolder', separator: true }),
    text(userText(view.guidance, LIMITS.guidance)),
  ];
  if (view.promptQuestions.length > 0) {
    body.push(
      text('Questions to answer', { weight: 'bolder' }),
      ...bullets(view.promptQuestions, LIMITS.question),
    );
  }
  return card(body, [openSection(view), submitSection(view)]);
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
    ],
    [openSection(view), submitSection(view)],
  );
}

export interface OverdueSection {
  readonly sectionTitle: string;
  readonly ownerName: string | null;
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
