/** The bot's short answers: a titled message, and the card for a fault on our side. */
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { card, heading, text } from '../../cards/elements.js';
import { userText } from '../../cards/escape.js';
import type { AdaptiveCard } from '../../cards/elements.js';

export const asJson = (value: AdaptiveCard): CardJson => value as unknown as CardJson;

export function messageCard(
  title: string,
  body: string,
  tone: 'good' | 'attention' | 'default' = 'default',
): CardJson {
  return asJson(card([heading(userText(title, 200)), text(userText(body, 2000), { color: tone })]));
}

/** Never the SDK's "The agent encountered an error or bug.": what happened, and a reference to quote. */
export const faultCard = (correlationId: string): CardJson =>
  messageCard(
    'Something went wrong on our side',
    `Your answer was not recorded — try again. If it keeps happening, give this reference to your administrator: ${correlationId}.`,
    'attention',
  );
