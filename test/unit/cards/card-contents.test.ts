import { describe, expect, it } from 'vitest';
import { openUrl } from '../../../src/cards/elements.js';
import { escapeMarkdown } from '../../../src/cards/escape.js';
import { outcomeCard } from '../../../src/cards/outcome-card.js';
import {
  changesRequestedCard,
  escalationCard,
  reminderCard,
  sectionAssignmentCard,
} from '../../../src/cards/section-cards.js';
import { COMMANDS, helpCard, mySectionsCard, statusCard } from '../../../src/cards/status-cards.js';
import { actionsOf, renderedTexts, walk } from './support/inspect.js';
import {
  assignmentView,
  changesView,
  escalationView,
  mySectionsView,
  outcomeViews,
  reminderView,
  SECTION_URL,
  statusView,
} from './support/views.js';

const joined = (card: Parameters<typeof renderedTexts>[0]) => renderedTexts(card).join('\n');
const submitButton = {
  type: 'Action.Execute',
  title: 'Mark as submitted',
  verb: 'section.submit',
  associatedInputs: 'none',
  style: 'positive',
};

describe('section assignment card', () => {
  it('has the title, why it matters, the questions, the due date, an Open link and Mark as submitted', () => {
    const card = sectionAssignmentCard(assignmentView());
    const texts = joined(card);
    expect(texts).toContain(escapeMarkdown('Theme 1: Transformation'));
    expect(texts).toContain('Why it matters');
    expect(texts).toContain(escapeMarkdown('Explain how services have been redesigned, and what it saved.'));
    expect(texts).toContain(`• ${escapeMarkdown('How has the council transformed?')}`);
    expect(texts).toContain(`• ${escapeMarkdown('What are the savings?')}`);
    expect(texts).toContain('Wed 3 July 2024');
    expect(texts).toContain('About 600 words');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Plan Builder', url: SECTION_URL },
      { ...submitButton, data: { planId: 'plan-1', sectionKey: 'theme-1', revision: 3 } },
    ]);
  });

  it('says when there is no due date, and leaves out an empty question list', () => {
    const texts = joined(sectionAssignmentCard({ ...assignmentView(), dueDate: null, promptQuestions: [] }));
    expect(texts).toContain('No date set');
    expect(texts).not.toContain('Questions to answer');
  });
});

describe('changes requested card', () => {
  it("shows the lead's comment set apart, who asked, and the same two actions", () => {
    const card = changesRequestedCard(changesView());
    expect(card.body).toContainEqual({
      type: 'Container',
      style: 'emphasis',
      items: [{ type: 'TextBlock', text: escapeMarkdown('Please add the 2023/24 figures.'), wrap: true }],
    });
    expect(joined(card)).toContain('Alex Lead asked for changes:');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Open in Plan Builder', 'Mark as submitted']);
    expect(card.actions?.[1]).toMatchObject({ data: { revision: 4 } });
  });
});

describe('reminder and escalation cards', () => {
  it('word the timing', () => {
    const cases: [Parameters<typeof reminderView>[0], string][] = [
      [{ kind: 'upcoming', daysLeft: 3 }, 'Due in 3 days'],
      [{ kind: 'upcoming', daysLeft: 1 }, 'Due in 1 day'],
      [{ kind: 'due-today' }, 'Due today'],
      [{ kind: 'overdue', daysOverdue: 1 }, 'Overdue by 1 day'],
      [{ kind: 'overdue', daysOverdue: 6 }, 'Overdue by 6 days'],
    ];
    for (const [timing, words] of cases)
      expect(renderedTexts(reminderCard(reminderView(timing)))).toContain(words);
  });

  it('the escalation lists each overdue section with its owner, or says nobody is assigned', () => {
    const card = escalationCard(escalationView());
    const texts = joined(card);
    expect(texts).toContain('2 sections are past the due date.');
    const facts = walk(card).flatMap((node) => (node.type === 'FactSet' ? [node.facts] : []));
    expect(facts).toEqual([
      [
        { title: 'Owner', value: 'Sam Owner' },
        { title: 'Due', value: 'Wed 3 July 2024' },
        { title: 'Overdue', value: '2 days' },
      ],
      [
        { title: 'Owner', value: 'Nobody assigned' },
        { title: 'Due', value: 'Mon 1 July 2024' },
        { title: 'Overdue', value: '4 days' },
      ],
    ]);
  });
});

describe('outcome cards', () => {
  it('say what happened', () => {
    const [endorsed, changes, decision] = outcomeViews().map(outcomeCard);
    expect(renderedTexts(endorsed!)[0]).toBe('Endorsed');
    expect(joined(endorsed!)).toContain(escapeMarkdown('The portfolio holder is asked to sign off.'));
    expect(renderedTexts(changes!)[0]).toBe('Changes requested');
    expect(joined(changes!)).toContain(escapeMarkdown('Section 2 needs numbers.'));
    const decisionTexts = joined(decision!);
    expect(decisionTexts).toContain('Approved with amendments');
    expect(decisionTexts).toContain('Tue 23 July 2024');
    expect(decisionTexts).toContain('Call-in ends');
    expect(decisionTexts).toContain(escapeMarkdown('CAB 24/31'));
    for (const card of [endorsed, changes, decision]) {
      expect(actionsOf(card!).map((a) => a.type)).toEqual(['Action.OpenUrl']);
      // The version by number (and day, where known); its hash only in the details at the foot.
      expect(joined(card!)).toMatch(/Version \d+/);
      expect(renderedTexts(card!).at(-1)).toMatch(/^Details: content hash /);
    }
  });
});

describe('status, my sections and help', () => {
  it('status summarises sections by status, questions, length and approvals', () => {
    const card = statusCard(statusView());
    const facts = Object.fromEntries(
      walk(card).flatMap((node) =>
        node.type === 'FactSet' ? node.facts.map((f) => [f.title, f.value]) : [],
      ),
    );
    expect(facts).toEqual({
      Stage: 'Drafting',
      Version: '7',
      Sections: '1 not started, 1 drafting, 1 accepted',
      Questions: '10 answered, 2 not applicable, 13 open',
      Length: 'About 8.5 pages, within the budget of 6–12',
      Approvals: `${escapeMarkdown('Management team endorsement')}, under way: 2 of 5 approvals, 5 waiting`,
    });
    expect(joined(card)).toContain(`${escapeMarkdown('Theme 2')}: Not started (unassigned)`);
    expect(joined(card)).toContain(`${escapeMarkdown('Theme 1')}: Drafting (Sam Owner, due Wed 3 July 2024)`);
  });

  it('my sections flags what is overdue and links each section', () => {
    const card = mySectionsCard(mySectionsView());
    expect(walk(card)).toContainEqual(
      expect.objectContaining({
        type: 'TextBlock',
        text: 'Drafting. Due Wed 3 July 2024, 2 days overdue.',
        color: 'attention',
      }),
    );
    expect(renderedTexts(card)).toContain('Not started. No due date.');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Open', 'Open']);
    expect(renderedTexts(mySectionsCard({ sections: [] }))).toContain(
      'You have no sections to write at the moment.',
    );
  });

  it('help lists every command, and answers what it did not understand', () => {
    const facts = walk(helpCard()).flatMap((node) =>
      node.type === 'FactSet' ? node.facts.map((f) => f.title) : [],
    );
    expect(facts).toEqual(COMMANDS.map((c) => c.command));
    expect(facts).toEqual(['status', 'my sections', 'use this chat for management team', 'help']);
    expect(renderedTexts(helpCard('  weather?  '))[0]).toBe('Sorry, I don\'t know "weather?".');
    expect(renderedTexts(helpCard())[0]).toBe('What I can do');
  });
});

describe('links', () => {
  it('only http(s) URLs become buttons', () => {
    expect(() => openUrl('x', 'javascript:alert(1)')).toThrow(TypeError);
    expect(() => openUrl('x', 'not a url')).toThrow(TypeError);
    expect(() => sectionAssignmentCard({ ...assignmentView(), sectionUrl: 'data:text/html,hi' })).toThrow(
      TypeError,
    );
    expect(openUrl('x', 'http://localhost:3978/tab')).toEqual({
      type: 'Action.OpenUrl',
      title: 'x',
      url: 'http://localhost:3978/tab',
    });
  });
});
