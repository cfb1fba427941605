import { describe, expect, it } from 'vitest';
import { allCards } from './support/all-cards.js';
import { parseWithLibrary } from './support/ac-library.js';
import { checkCard } from './support/schema-1-5.js';
import { EVIL, HOSTILE } from './support/views.js';

const variants: [string, (s: string) => string][] = [
  ['plain text', (s) => s],
  ['hostile text', (s) => `${s} ${EVIL}`],
  ['5,000-character text', () => HOSTILE.long],
];

describe.each(variants)('every card, with %s', (_, text) => {
  const cards = allCards(text);

  it.each(cards)('%s validates against the Adaptive Card 1.5 schema', (_name, card) => {
    const check = checkCard(card);
    expect(check.problems).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it.each(cards)('%s parses with the adaptivecards library without warnings', (_name, card) => {
    const parsed = parseWithLibrary(card);
    expect(parsed.messages).toEqual([]);
    // Nothing dropped or rewritten: every property we write is one the library knows.
    expect(parsed.roundTrip).toEqual(JSON.parse(JSON.stringify(card)));
  });

  it.each(cards)('%s stays under the 28 KB Teams allows for a message', (_name, card) => {
    expect(new TextEncoder().encode(JSON.stringify(card)).length).toBeLessThan(28 * 1024);
  });
});

describe('the checks themselves', () => {
  const [, sample] = allCards()[7]!; // the approver's approval card: inputs, show cards, refresh
  const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;

  it('the schema check refuses an unknown property, a missing required one, another version, an unknown type', () => {
    expect(checkCard(sample).ok).toBe(true);
    expect(checkCard({ ...clone(), msteams: { width: 'Full' } }).ok).toBe(false);
    expect(checkCard({ ...clone(), version: '1.6' }).ok).toBe(false);
    expect(checkCard({ ...clone(), body: [{ type: 'TextBlock', wrap: true }] }).ok).toBe(false);
    expect(checkCard({ ...clone(), body: [{ type: 'Carousel', pages: [] }] }).ok).toBe(false);
    expect(checkCard({ ...clone(), body: [{ type: 'TextBlock', text: 'x', colour: 'good' }] }).ok).toBe(
      false,
    );
    expect(checkCard({ ...clone(), actions: [{ type: 'Action.OpenUrl', title: 'x' }] }).ok).toBe(false);
    expect(checkCard({ ...clone(), body: [{ type: 'Input.Text', label: 'no id' }] }).ok).toBe(false);
    const twice = { type: 'Input.Text', id: 'twice', label: 'x' };
    expect(checkCard({ ...clone(), body: [twice, twice] }).problems).toContain('duplicate input ids: twice');
  });

  it('the library check reports an unknown element and a property it does not keep', () => {
    expect(parseWithLibrary({ ...clone(), body: [{ type: 'Carousel' }] }).messages).not.toEqual([]);
    const extra = { ...clone(), unknownThing: 1 };
    expect(parseWithLibrary(extra).roundTrip).not.toEqual(JSON.parse(JSON.stringify(extra)));
  });
});
