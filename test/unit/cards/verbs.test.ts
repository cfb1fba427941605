import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalCard } from '../../../src/cards/approval-card.js';
import type { CardAction, ExecuteAction } from '../../../src/cards/elements.js';
import { kpiCheckInCard } from '../../../src/cards/kpi-cards.js';
import { sectionAssignmentCard } from '../../../src/cards/section-cards.js';
import { welcomeCard } from '../../../src/cards/chat-cards.js';
import { planChoiceCard } from '../../../src/cards/status-cards.js';
import type { AdaptiveCard } from '../../../src/cards/elements.js';
import { COMMENT_MAX, isVerb, parseAction, parseActionData, VERBS } from '../../../src/cards/verbs.js';
import { checkInView } from './support/kpi-views.js';
import { approvalView, approverViewer, assignmentView, HASH } from './support/views.js';

const respond = { planId: 'p1', stageKey: 'mt', round: 2, versionHash: HASH, decision: 'approve' } as const;

/** Every Action.Execute on a card, including those inside show cards and the refresh. */
function executes(actions: readonly CardAction[]): ExecuteAction[] {
  return actions.flatMap((action) =>
    action.type === 'Action.Execute'
      ? [action]
      : action.type === 'Action.ShowCard'
        ? executes(action.card.actions ?? [])
        : [],
  );
}

describe('parseActionData', () => {
  it('accepts an approval with no comment, normalising the optional fields', () => {
    expect(parseActionData('approval.respond', respond)).toEqual({
      ok: true,
      value: { ...respond, comment: null, onBehalfOf: null },
    });
  });

  it('requires a non-blank comment to request changes, and trims it', () => {
    const base = { ...respond, decision: 'request-changes' };
    for (const comment of [undefined, '', '   \n ']) {
      const result = parseActionData('approval.respond', comment === undefined ? base : { ...base, comment });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues).toContain('comment: required to request changes');
    }
    expect(parseActionData('approval.respond', { ...base, comment: '  Add figures. ' })).toMatchObject({
      ok: true,
      value: { decision: 'request-changes', comment: 'Add figures.' },
    });
    const long = parseActionData('approval.respond', { ...base, comment: 'x'.repeat(COMMENT_MAX + 1) });
    expect(long.ok).toBe(false);
  });

  it('keeps a deputy’s onBehalfOf and a delegation’s deputyId', () => {
    expect(parseActionData('approval.respond', { ...respond, onBehalfOf: 'aad-3' })).toMatchObject({
      ok: true,
      value: { onBehalfOf: 'aad-3' },
    });
    expect(
      parseActionData('approval.delegate', { planId: 'p1', stageKey: 'mt', round: 1, deputyId: 'd1' }),
    ).toEqual({
      ok: true,
      value: { planId: 'p1', stageKey: 'mt', round: 1, deputyId: 'd1' },
    });
    expect(parseActionData('approval.delegate', { planId: 'p1', stageKey: 'mt', round: 1 }).ok).toBe(false);
  });

  it('refuses unknown fields, wrong types and malformed values, naming each problem', () => {
    const cases: [unknown, string][] = [
      [{ ...respond, admin: true }, 'admin: not expected'],
      [{ ...respond, round: '2' }, 'round: must be an integer of at least 1'],
      [{ ...respond, round: 0 }, 'round: must be an integer of at least 1'],
      [{ ...respond, round: 1.5 }, 'round: must be an integer of at least 1'],
      [
        { ...respond, versionHash: HASH.toUpperCase() },
        'versionHash: must be a SHA-256 hash in lower-case hex',
      ],
      [{ ...respond, versionHash: HASH.slice(1) }, 'versionHash: must be a SHA-256 hash in lower-case hex'],
      [{ ...respond, decision: 'reject' }, 'decision: must be "approve" or "request-changes"'],
      [{ ...respond, planId: '' }, 'planId: must be a non-empty string of at most 200 characters'],
      [{ ...respond, planId: ' p1' }, 'planId: must not contain control characters or surrounding spaces'],
      [
        { ...respond, stageKey: 'a\nb' },
        'stageKey: must not contain control characters or surrounding spaces',
      ],
      [{ ...respond, onBehalfOf: null }, 'onBehalfOf: must be a non-empty string of at most 200 characters'],
      [{ ...respond, comment: 42 }, 'comment: must be text'],
    ];
    for (const [data, issue] of cases) {
      const result = parseActionData('approval.respond', data);
      expect(result.ok, JSON.stringify(data)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_DATA');
        expect(result.error.issues).toContain(issue);
      }
    }
  });

  it('refuses what is not an object, and inherited properties do not count', () => {
    for (const data of [null, 'x', 1, [respond], undefined]) {
      expect(parseActionData('approval.refresh', data)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_DATA' },
      });
    }
    const inherited = Object.create({ planId: 'p1', stageKey: 'mt', round: 1 }) as object;
    expect(parseActionData('approval.refresh', inherited).ok).toBe(false);
  });

  it('never throws, and refuses arbitrary values, whatever arrives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VERBS), fc.anything(), (verb, data) => {
        expect(parseActionData(verb, data).ok).toBe(false);
      }),
    );
  });

  it('validates section.submit', () => {
    expect(parseActionData('section.submit', { planId: 'p1', sectionKey: 's1', revision: 0 }).ok).toBe(true);
    expect(parseActionData('section.submit', { planId: 'p1', sectionKey: 's1', revision: -1 }).ok).toBe(
      false,
    );
  });
});

describe('parseAction', () => {
  it('refuses a verb that is not ours, and reads one that is', () => {
    expect(parseAction('approval.hack', respond)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_VERB' },
    });
    expect(parseAction(undefined, respond)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_VERB' } });
    expect(parseAction('approval.respond', respond)).toMatchObject({
      ok: true,
      value: { verb: 'approval.respond', data: { round: 2 } },
    });
    expect(isVerb('section.submit')).toBe(true);
    expect(isVerb('toString')).toBe(false);
  });
});

describe('the cards and the router agree', () => {
  it('every button on the cards, with its inputs filled in, parses for its own verb', () => {
    const approver = approvalCard(approvalView(approverViewer()));
    const section = sectionAssignmentCard({
      ...assignmentView(),
      contribution: { outsideParty: null, jointAuthors: null, toFollow: null, noneText: 'None.' },
    });
    const checkIn = kpiCheckInCard(checkInView());
    const welcome = welcomeCard({
      offers: [{ planId: 'plan-1', planTitle: 'Productivity Plan', leadName: 'Priya Shah' }],
      boundHere: [],
    });
    const choice = planChoiceCard([
      { planId: 'plan-1', planTitle: 'Productivity Plan', planStatus: 'drafting' },
    ]);
    // Buttons in the body (an ActionSet per plan) as well as the card's own.
    const inBody = (c: AdaptiveCard): ExecuteAction[] =>
      JSON.stringify(c.body).includes('Action.Execute')
        ? c.body.flatMap((element) =>
            element.type === 'Container'
              ? element.items.flatMap((item) => (item.type === 'ActionSet' ? executes(item.actions) : []))
              : [],
          )
        : [];
    const buttons = [
      ...inBody(welcome),
      ...inBody(choice),
      ...executes(approver.actions ?? []),
      ...(approver.refresh ? [approver.refresh.action] : []),
      ...executes(section.actions ?? []),
      ...executes(checkIn.actions ?? []),
    ];
    expect(new Set(buttons.map((b) => b.verb))).toEqual(new Set(VERBS));
    const inputs: Record<string, Record<string, string>> = {
      'approval.respond': { comment: 'Needs numbers.' },
      'approval.delegate': { deputyId: 'aad-deputy-1' },
      'kpi.checkin': { value: '12400', comment: 'Up on May.' },
    };
    for (const button of buttons) {
      const data = { ...button.data, ...(button.associatedInputs === 'none' ? {} : inputs[button.verb]) };
      expect(parseAction(button.verb, data).ok, `${button.title}`).toBe(true);
    }
  });
});
