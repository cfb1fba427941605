/**
 * Cards about which chat a plan's management team works in: the welcome when the app is added to a group
 * chat or channel (a button per plan still without a chat, for its plan lead), and the answers to pressing
 * it or typing the command.
 */
import type { AdaptiveCard, CardElement } from './elements.js';
import { card, container, execute, heading, text } from './elements.js';
import { plainText, userText } from './escape.js';
import { LIMITS } from './card-text.js';

/** The command that binds a chat, as `help` lists it and the bot accepts it (with or without "the"). */
export const BIND_COMMAND = 'use this chat for management team';

export interface ChatOffer {
  readonly planId: string;
  readonly planTitle: string;
  readonly leadName: string;
}

export interface WelcomeView {
  /** Plans with no management team chat yet, each with its plan lead (who alone may choose one). */
  readonly offers: readonly ChatOffer[];
  /** Plans whose management team already works in this chat. */
  readonly boundHere: readonly string[];
}

/** The button title; plain text (buttons are not markdown). */
export const bindTitle = (planTitle: string): string =>
  `Use this chat for ${plainText(planTitle, LIMITS.title)}`;

function offerElement(offer: ChatOffer): CardElement {
  return container(
    [
      text(userText(offer.planTitle, LIMITS.title), { weight: 'bolder' }),
      text(`Plan lead: ${userText(offer.leadName, LIMITS.name)}, who alone can choose this chat.`, {
        isSubtle: true,
        spacing: 'none',
      }),
      {
        type: 'ActionSet',
        actions: [execute(bindTitle(offer.planTitle), 'chat.bind', { planId: offer.planId })],
      },
    ],
    { separator: true },
  );
}

export function welcomeCard(view: WelcomeView): AdaptiveCard {
  const body: CardElement[] = [heading('Plan Builder is here')];
  if (view.boundHere.length > 0) {
    body.push(
      text(
        `This chat is the management team's for ${view.boundHere.map((t) => userText(t, LIMITS.title)).join(', ')}: approval cards are posted here.`,
      ),
    );
  }
  if (view.offers.length > 0) {
    body.push(
      text(
        "I post approval cards for a plan's management team in the chat they work in, with buttons for " +
          'everyone; only the approvers are counted. The plan lead chooses the chat:',
      ),
      ...view.offers.map(offerElement),
    );
  } else if (view.boundHere.length === 0) {
    body.push(text('No plan is waiting for a management team chat at the moment.', { isSubtle: true }));
  }
  body.push(
    text(`Mention me with "help" to see everything I can do, or with "${BIND_COMMAND}".`, {
      isSubtle: true,
      separator: true,
    }),
  );
  return card(body);
}

/** The answer to binding: where the management team's cards now go, and whether an open stage was posted. */
export function chatBoundCard(planTitles: readonly string[], postedStages: readonly string[]): AdaptiveCard {
  const titles = planTitles.map((t) => userText(t, LIMITS.title)).join(', ');
  const body: CardElement[] = [
    heading('Done'),
    text(`Management team approval cards for ${titles} will be posted here.`, { color: 'good' }),
  ];
  if (postedStages.length > 0) {
    body.push(
      text(
        `Already open: ${postedStages.map((t) => userText(t, LIMITS.title)).join(', ')}. Its card is on its way to this chat.`,
      ),
    );
  }
  return card(body);
}

/** Someone other than the plan lead pressed the button or typed the command. */
export function notThePlanLeadCard(planTitle: string, leadName: string): AdaptiveCard {
  return card([
    heading('Only the plan lead can choose this chat'),
    text(
      `${userText(leadName, LIMITS.name)} leads ${userText(planTitle, LIMITS.title)} and can make this chat its management team's. Nothing was changed.`,
      { color: 'attention' },
    ),
  ]);
}
