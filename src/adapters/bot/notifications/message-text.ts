/**
 * The text of a text-only message, which Teams renders as markdown: every value put into it goes through
 * the cards' one escaping path (markdownSafe), so a plan title or a meeting body cannot become a link, a
 * mention or formatting. Our own links to the tab are the only thing passed through as they are.
 */
import { markdownSafe } from '../../../cards/escape.js';

/** A link of ours (to the tab), kept live in the message. */
export interface OwnLink {
  readonly url: string;
}

export const ownLink = (url: string): OwnLink => ({ url });

/** messageText`Every approval for "${plan.title}" is in: ${ownLink(url)}`: literals as written, values made safe. */
export function messageText(
  literals: TemplateStringsArray,
  ...values: readonly (string | number | OwnLink)[]
): string {
  return literals.reduce((out, literal, i) => {
    const value = values[i - 1]!;
    return out + (typeof value === 'object' ? value.url : markdownSafe(String(value))) + literal;
  });
}
