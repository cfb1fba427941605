import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/domain/plan/commands.js';
import { remindersDue } from '../../../src/domain/timeline/reminders.js';
import { loadCalendar } from '../../../src/templates/calendar-load.js';
import { applyAll, newTestPlan, paragraph, testPeople } from '../../support/fixtures/index.js';

const calendar = loadCalendar();

const submit: [Command, string] = [{ type: 'submitSection', sectionKey: 'context' }, testPeople.owner];

/** Context due Friday 12 July 2024, owned by the demo owner. */
function plan(status: 'drafting' | 'submitted' = 'drafting') {
  return applyAll(newTestPlan().plan, [
    [
      {
        type: 'assignSection',
        sectionKey: 'context',
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: '2024-07-12',
      },
      testPeople.lead,
    ],
    [
      { type: 'editSection', sectionKey: 'context', baseRevision: 0, content: paragraph('draft') },
      testPeople.owner,
    ],
    ...(status === 'submitted' ? [submit] : []),
  ]);
}

const contextReminder = (today: string, p = plan()) =>
  remindersDue(p, today, calendar).reminders.find((r) => r.sectionKey === 'context');

describe('section reminders', () => {
  it('starts three working days before the due date and says so on the day', () => {
    expect(contextReminder('2024-07-08')).toBeUndefined();
    expect(contextReminder('2024-07-09')).toMatchObject({ kind: 'upcoming', pointDate: '2024-07-09' });
    expect(contextReminder('2024-07-11')).toMatchObject({ kind: 'upcoming', pointDate: '2024-07-09' });
    expect(contextReminder('2024-07-12')).toMatchObject({ kind: 'due-today', pointDate: '2024-07-12' });
  });

  it('repeats every two working days once overdue, skipping the weekend', () => {
    expect(contextReminder('2024-07-15')).toBeUndefined();
    expect(contextReminder('2024-07-16')).toMatchObject({ kind: 'overdue', pointDate: '2024-07-16' });
    expect(contextReminder('2024-07-17')).toMatchObject({ kind: 'overdue', pointDate: '2024-07-16' });
    expect(contextReminder('2024-07-18')).toMatchObject({ kind: 'overdue', pointDate: '2024-07-18' });
    expect(contextReminder('2024-07-22')).toMatchObject({ kind: 'overdue', pointDate: '2024-07-22' });
  });

  it('gives the same key on every pass for the same point, and a new key at the next point', () => {
    const same = plan();
    expect(contextReminder('2024-07-16', same)!.key).toBe(contextReminder('2024-07-17', same)!.key);
    expect(contextReminder('2024-07-18', same)!.key).not.toBe(contextReminder('2024-07-16', same)!.key);
  });

  it('stops once the section is submitted, and escalates overdue sections to the plan lead once a day', () => {
    expect(contextReminder('2024-07-16', plan('submitted'))).toBeUndefined();
    const { escalation } = remindersDue(plan(), '2024-07-13', calendar);
    expect(escalation).toMatchObject({ leadId: testPeople.lead, key: expect.stringContaining('2024-07-13') });
    expect(escalation!.overdue.map((o) => o.sectionKey)).toEqual(['context']);
    expect(remindersDue(plan(), '2024-07-12', calendar).escalation).toBeNull();
  });
});
