import { describe, expect, it } from 'vitest';
import { approvalCard, MAX_REFRESH_USERS, staleApprovalCard } from '../../../src/cards/approval-card.js';
import { escapeMarkdown } from '../../../src/cards/escape.js';
import { checkCard } from './support/schema-1-5.js';
import { actionsOf, renderedTexts, titles, urls } from './support/inspect.js';
import { approvalView, approverViewer, DOC_URL, deputyViewer, HASH, OLD_HASH } from './support/views.js';

describe('approval card views', () => {
  it('the everyone view has the tally, the document link, and Approve / Request changes for whoever presses', () => {
    const card = approvalCard(approvalView({ kind: 'everyone' }));
    // Clients without user-specific views show everyone this card, so it carries the buttons; the bot
    // decides from who pressed. No Delegate: only an approver can name a deputy, from their own view.
    expect(titles(card)).toEqual([
      'Open version 4',
      'Approve',
      'Request changes',
      'Send request for changes',
    ]);
    expect(JSON.stringify(card)).not.toContain('onBehalfOf');
    expect(urls(card)).toEqual([DOC_URL]);
    const texts = renderedTexts(card).join('\n');
    expect(texts).toContain('Approved: 2 of 5 needed');
    expect(texts).toContain('Changes requested: 1');
    expect(texts).toContain('Waiting: 5');
    expect(texts).toContain(escapeMarkdown('Section 2 needs numbers.'));
    expect(texts).toContain(`Bob Approver (by Dee Deputy, deputy)`);
  });

  it('the approver view adds Approve, Request changes (with a required comment) and Delegate', () => {
    const card = approvalCard(approvalView(approverViewer()));
    expect(titles(card)).toEqual([
      'Open version 4',
      'Approve',
      'Request changes',
      'Send request for changes',
      'Delegate',
      'Delegate',
    ]);
    const [approve, requestChanges, delegate] = (card.actions ?? []).slice(1);
    expect(approve).toMatchObject({
      type: 'Action.Execute',
      verb: 'approval.respond',
      associatedInputs: 'none',
      data: {
        planId: 'plan-1',
        stageKey: 'management-team',
        round: 2,
        versionHash: HASH,
        decision: 'approve',
      },
    });
    expect(requestChanges).toMatchObject({
      type: 'Action.ShowCard',
      card: {
        body: [{ type: 'Input.Text', id: 'comment', isRequired: true }],
        actions: [
          { verb: 'approval.respond', associatedInputs: 'auto', data: { decision: 'request-changes' } },
        ],
      },
    });
    expect(delegate).toMatchObject({
      type: 'Action.ShowCard',
      card: {
        body: [
          {
            type: 'Input.ChoiceSet',
            id: 'deputyId',
            isRequired: true,
            choices: [
              { title: 'Dee Deputy', value: 'aad-deputy-1' },
              { title: 'Eve Deputy', value: 'aad-deputy-2' },
            ],
          },
        ],
        actions: [
          { verb: 'approval.delegate', data: { planId: 'plan-1', stageKey: 'management-team', round: 2 } },
        ],
      },
    });
  });

  it('no Delegate without deputies to choose from', () => {
    const card = approvalCard(approvalView({ kind: 'approver', onBehalfOf: null, deputies: [] }));
    expect(titles(card)).not.toContain('Delegate');
    expect(titles(card)).toContain('Approve');
  });

  it("a deputy's view says whom they answer for, carries onBehalfOf, and cannot delegate further", () => {
    const card = approvalCard(approvalView(deputyViewer()));
    expect(renderedTexts(card).join('\n')).toContain(
      `You are answering for ${escapeMarkdown('Person aad-3')}, who named you deputy.`,
    );
    expect(titles(card)).not.toContain('Delegate');
    const responds = actionsOf(card).filter(
      (a) => a.type === 'Action.Execute' && a.verb === 'approval.respond',
    );
    expect(responds).toHaveLength(2);
    for (const action of responds) expect(action).toMatchObject({ data: { onBehalfOf: 'aad-3' } });
  });

  it('a closed stage shows no buttons even to an approver, and asks for no refresh', () => {
    for (const state of ['approved', 'changes-requested'] as const) {
      const card = approvalCard({ ...approvalView(approverViewer()), state });
      expect(titles(card)).toEqual(['Open version 4']);
      expect(card.refresh).toBeUndefined();
    }
  });

  it('the first round says so instead of listing changes', () => {
    const first = renderedTexts(approvalCard({ ...approvalView(), round: 1, changes: null }));
    expect(first).toContain('This is the first round.');
    const later = renderedTexts(approvalCard(approvalView()));
    expect(later).toContain(`• ${escapeMarkdown('Theme 3 figures updated')}`);
  });
});

describe('refresh', () => {
  it('lists exactly the waiting approvers, in both views, with the refresh verb and the stage', () => {
    for (const viewer of [{ kind: 'everyone' } as const, approverViewer()]) {
      const view = approvalView(viewer);
      const card = approvalCard(view);
      expect(card.refresh?.userIds).toEqual(view.refreshUserIds);
      expect(card.refresh?.action).toEqual({
        type: 'Action.Execute',
        title: 'Refresh',
        verb: 'approval.refresh',
        data: { planId: 'plan-1', stageKey: 'management-team', round: 2 },
      });
    }
  });

  it('lists nobody twice, and an empty list when nobody is waiting', () => {
    expect(approvalCard({ ...approvalView(), refreshUserIds: ['a', 'b', 'a'] }).refresh?.userIds).toEqual([
      'a',
      'b',
    ]);
    expect(approvalCard({ ...approvalView(), refreshUserIds: [] }).refresh?.userIds).toEqual([]);
  });

  it('lists at most 60, the first 60 given, and tells everyone the rest follow', () => {
    for (const count of [59, 60, 61, 150]) {
      const ids = Array.from({ length: count }, (_, i) => `29:user-${i}`);
      const card = approvalCard({ ...approvalView(), refreshUserIds: ids });
      expect(card.refresh?.userIds).toEqual(ids.slice(0, MAX_REFRESH_USERS));
      expect(checkCard(card).ok).toBe(true);
      const note = renderedTexts(card).some((t) =>
        t.includes(`the first ${MAX_REFRESH_USERS} see their buttons`),
      );
      expect(note).toBe(count > MAX_REFRESH_USERS);
    }
  });
});

describe('wording for members', () => {
  it('says the version by its number and the day it went round, the hash only in the details at the foot', () => {
    const card = approvalCard(approvalView(approverViewer()));
    const texts = renderedTexts(card);
    expect(texts).toContain('Version 4, 3 December 2026');
    expect(texts.filter((t) => t.includes('a3f9c1e'))).toEqual(['Details: content hash a3f9c1e']);
    expect(card.body.at(-1)).toMatchObject({ type: 'TextBlock', isSubtle: true, size: 'small' });
    expect(JSON.stringify(card.body)).not.toContain('"title":"Version"');
  });

  it('says just the number when the day is not known', () => {
    const texts = renderedTexts(approvalCard({ ...approvalView(approverViewer()), versionDate: null }));
    expect(texts).toContain('Version 4');
  });
});

describe('stale card', () => {
  it('says the clicked card is out of date and shows the current state, buttons included for an approver', () => {
    const current = approvalView(approverViewer());
    const card = staleApprovalCard({ round: 1, versionHash: OLD_HASH }, current);
    const notice = card.body[1];
    expect(notice).toMatchObject({ type: 'Container', style: 'warning' });
    const texts = renderedTexts(card).join('\n');
    expect(texts).toContain(escapeMarkdown('round 1 of an earlier version'));
    expect(texts).toContain(escapeMarkdown('round 2, Version 4, 3 December 2026'));
    expect(texts).toContain(escapeMarkdown('nothing was recorded'));
    expect(titles(card)).toContain('Approve');
    expect(card.refresh?.userIds).toEqual(current.refreshUserIds);
  });
});
