import { describe, expect, it } from 'vitest';
import { markdownSafe, plainText, truncate, unescapeMarkdown } from '../../../src/cards/escape.js';
import { LIMITS } from '../../../src/cards/card-text.js';
import {
  ESCALATION_ROWS,
  kpiCheckInCard,
  kpiCheckInRecordedCard,
  kpiEscalationCard,
  type KpiCard,
} from '../../../src/cards/kpi-cards.js';
import type { AdaptiveCard } from '../../../src/cards/elements.js';
import { parseWithLibrary } from './support/ac-library.js';
import { actionsOf, renderedTexts, walk } from './support/inspect.js';
import { checkKpiCard } from './support/kpi-schema.js';
import { expectNoMarkup } from './support/markdown-safety.js';
import { checkInView, kpiEscalationView, recordedView, shareCheckInView } from './support/kpi-views.js';
import { EVIL, HOSTILE } from './support/views.js';

/** The inspect helpers read the element types they know; Input.Number has no children to walk. */
const asCard = (card: KpiCard): AdaptiveCard => card as unknown as AdaptiveCard;

function kpiCards(text: (s: string) => string = (s) => s): [string, KpiCard][] {
  return [
    ['check-in, one value', kpiCheckInCard(checkInView(text))],
    ['check-in, a share, overdue, after a refusal', kpiCheckInCard(shareCheckInView(text))],
    ['check-in recorded', kpiCheckInRecordedCard(recordedView(text))],
    [
      'check-in already recorded, no status',
      kpiCheckInRecordedCard({ ...recordedView(text), rag: 'none', commentary: null }),
    ],
    ['overdue escalation', kpiEscalationCard(kpiEscalationView(text))],
    ['overdue escalation, long', kpiEscalationCard(kpiEscalationView(text, 45))],
  ];
}

const variants: [string, (s: string) => string][] = [
  ['plain text', (s) => s],
  ['hostile text', (s) => `${s} ${EVIL}`],
  ['5,000-character text', () => HOSTILE.long],
];

describe.each(variants)('every KPI card, with %s', (_, text) => {
  const cards = kpiCards(text);

  it.each(cards)('%s validates against the Adaptive Card 1.5 schema', (_name, card) => {
    expect(checkKpiCard(card).problems).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it.each(cards)(
    '%s parses with the adaptivecards library without warnings, nothing dropped',
    (_name, card) => {
      const parsed = parseWithLibrary(card);
      expect(parsed.messages).toEqual([]);
      expect(parsed.roundTrip).toEqual(JSON.parse(JSON.stringify(card)));
    },
  );

  it.each(cards)('%s stays under the 28 KB Teams allows for a message', (_name, card) => {
    expect(new TextEncoder().encode(JSON.stringify(card)).length).toBeLessThan(28 * 1024);
  });
});

describe('the schema check for Input.Number can fail', () => {
  it('refuses an unknown property, a missing id and a text value', () => {
    const card = JSON.parse(JSON.stringify(kpiCheckInCard(checkInView()))) as {
      body: Record<string, unknown>[];
    };
    const number = card.body.find((e) => e['type'] === 'Input.Number')!;
    expect(checkKpiCard(card).ok).toBe(true);
    number['step'] = 1;
    expect(checkKpiCard(card).ok).toBe(false);
    delete number['step'];
    number['value'] = '12';
    expect(checkKpiCard(card).ok).toBe(false);
    delete number['value'];
    delete number['id'];
    expect(checkKpiCard(card).ok).toBe(false);
  });
});

describe.each(Object.entries(HOSTILE))('user text that is %s', (_, hostile) => {
  const plain = kpiCards();
  it.each(kpiCards(() => hostile))(
    '%s carries it as markdown-safe text and has the same shape',
    (name, card) => {
      const texts = renderedTexts(asCard(card));
      for (const text of texts) expectNoMarkup(text);
      const expected = truncate(hostile, LIMITS.command).replace(/…$/, '');
      expect(texts.some((text) => unescapeMarkdown(text).includes(expected))).toBe(true);
      const other = plain.find(([n]) => n === name)![1];
      const shape = (c: KpiCard) => walk(asCard(c)).map((node) => node.type);
      expect(shape(card)).toEqual(shape(other));
      expect(actionsOf(asCard(card)).map((a) => (a.type === 'Action.OpenUrl' ? a.url : a.title))).toEqual(
        actionsOf(asCard(other)).map((a) => (a.type === 'Action.OpenUrl' ? a.url : a.title)),
      );
    },
  );
});

describe('the check-in card', () => {
  it('asks for the value as a number and a commentary, recorded from the card itself', () => {
    const card = kpiCheckInCard(checkInView());
    const inputs = card.body.filter((e) => e.type.startsWith('Input.'));
    expect(inputs).toEqual([
      expect.objectContaining({ type: 'Input.Number', id: 'value', min: 0, isRequired: true }),
      expect.objectContaining({ type: 'Input.Text', id: 'comment', isMultiline: true, maxLength: 1000 }),
    ]);
    expect(card.actions?.[0]).toEqual({
      type: 'Action.Execute',
      title: 'Record',
      verb: 'kpi.checkin',
      data: { planId: 'plan-1', kpiId: 'kpi-1', periodKey: '2024-06' },
      associatedInputs: 'auto',
      style: 'positive',
    });
    expect(renderedTexts(asCard(card))).toEqual(
      expect.arrayContaining(['KPI check-in', markdownSafe('Online transactions')]),
    );
  });

  it('labels its inputs in plain text, exactly as the KPI names them: labels are not markdown', () => {
    const labelsOf = (card: KpiCard) =>
      card.body.flatMap((e) => (e.type === 'Input.Number' ? [e.label] : []));
    expect(labelsOf(kpiCheckInCard(shareCheckInView()))).toEqual(['Agency spend (£)', 'Staff budget (£)']);
    const hostile = '[x](http://e.x)\n*spend* (£) <at>CEO</at>';
    expect(labelsOf(kpiCheckInCard(shareCheckInView(() => hostile)))).toEqual([
      '[x](http://e.x) *spend* (£) <at>CEO</at>',
      '[x](http://e.x) *spend* (£) <at>CEO</at>',
    ]);
    expect(plainText(hostile, LIMITS.title)).toBe('[x](http://e.x) *spend* (£) <at>CEO</at>');
  });

  it('asks for a share’s part and whole, never the percentage, and keeps what was typed after a refusal', () => {
    const card = kpiCheckInCard(shareCheckInView());
    const inputs = card.body.filter((e) => e.type.startsWith('Input.'));
    expect(inputs.map((i) => [i.type, 'id' in i ? i.id : null, 'value' in i ? i.value : null])).toEqual([
      ['Input.Number', 'part', 120],
      ['Input.Number', 'whole', 100],
      ['Input.Text', 'comment', 'Typed before the refusal.'],
    ]);
    expect(renderedTexts(asCard(card))).toEqual(expect.arrayContaining(['Check-in overdue']));
    expect(JSON.stringify(card)).toContain('over 100%');
  });
});

describe('the overdue escalation card', () => {
  it('lists each overdue check-in with its owner, up to a limit, and counts the rest', () => {
    const card = kpiEscalationCard(kpiEscalationView(undefined, ESCALATION_ROWS + 5));
    const texts = renderedTexts(asCard(card));
    expect(texts).toContain(`${ESCALATION_ROWS + 5} check-ins are past the date the value was due.`);
    expect(texts.filter((t) => /^KPI \d+$/.test(t))).toHaveLength(ESCALATION_ROWS);
    expect(texts).toContain('And 5 more: see the plan’s KPIs.');
    expect(renderedTexts(asCard(kpiEscalationCard(kpiEscalationView(undefined, 1))))).toContain(
      '1 check-in is past the date the value was due.',
    );
  });
});
