import { describe, expect, it } from 'vitest';
import { truncate, unescapeMarkdown } from '../../../src/cards/escape.js';
import { LIMITS } from '../../../src/cards/card-text.js';
import { changesRequestedCard } from '../../../src/cards/section-cards.js';
import { allCards } from './support/all-cards.js';
import { actionsOf, renderedTexts, walk } from './support/inspect.js';
import { expectNoMarkup } from './support/markdown-safety.js';
import { changesView, HOSTILE } from './support/views.js';

const plainCards = allCards();
/** Cards whose text does not change with the user text in them (help, an empty list) have none to check. */
const withUserText = new Set(
  allCards(() => 'x')
    .filter(([name, card]) => {
      const other = allCards(() => 'y').find(([otherName]) => otherName === name)![1];
      return JSON.stringify(card) !== JSON.stringify(other);
    })
    .map(([name]) => name),
);

describe.each(Object.entries(HOSTILE))('user text that is %s', (_, hostile) => {
  // The whole field hostile, so it also stands at the start of a line.
  const cards = allCards(() => hostile);

  it.each(cards)('%s carries it as markdown-safe text, and nothing is formatted', (name, card) => {
    const texts = renderedTexts(card);
    // Our own text uses no markdown ("• " bullets are literal); user text is neutralised wherever it is.
    for (const text of texts) expectNoMarkup(text);
    if (withUserText.has(name)) {
      // The tightest limit any field has, so the start of the text shows on every card, as typed.
      const expected = truncate(hostile, LIMITS.command).replace(/…$/, '');
      expect(texts.some((text) => unescapeMarkdown(text).includes(expected))).toBe(true);
    }
  });

  it.each(cards)('%s has exactly the actions and links it has with ordinary text', (name, card) => {
    const plain = plainCards.find(([plainName]) => plainName === name)![1];
    const shape = (c: typeof card) =>
      actionsOf(c).map((action) => [
        action.type,
        action.type === 'Action.OpenUrl' ? action.url : action.title,
      ]);
    expect(shape(card)).toEqual(shape(plain));
    expect(walk(card).map((node) => node.type)).toEqual(walk(plain).map((node) => node.type));
  });
});

describe('long text', () => {
  it('is cut to its limit, and what is shown is exactly the start of it', () => {
    const card = changesRequestedCard({ ...changesView(), comment: HOSTILE.long });
    const comment = renderedTexts(card).find((text) => unescapeMarkdown(text).startsWith('AAAA'))!;
    const shown = unescapeMarkdown(comment);
    expect(Array.from(shown)).toHaveLength(LIMITS.comment);
    expect(shown).toBe(truncate(HOSTILE.long, LIMITS.comment));
  });
});

describe('deputy names in the Delegate choices', () => {
  it('are plain text (choices are not markdown), flattened to one line', () => {
    const [, card] = allCards(() => '[Dee](https://evil.example)\n<at>CEO</at>').find(
      ([name]) => name === 'approval, approver',
    )!;
    const choiceSet = walk(card).find((node) => node.type === 'Input.ChoiceSet');
    expect(choiceSet).toMatchObject({
      choices: [
        { title: '[Dee](https://evil.example) <at>CEO</at>', value: 'aad-deputy-1' },
        { title: '[Dee](https://evil.example) <at>CEO</at>', value: 'aad-deputy-2' },
      ],
    });
  });
});
