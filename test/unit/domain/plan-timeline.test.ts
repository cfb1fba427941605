import { describe, expect, it } from 'vitest';
import { planTimeline } from '../../../src/domain/timeline/plan-timeline.js';
import { loadCalendar, loadTimelineRules } from '../../../src/templates/calendar-load.js';
import { applyAll, newTestPlan, testPeople } from '../../support/fixtures/index.js';

const rules = loadTimelineRules();
const calendar = loadCalendar();

describe('a plan on the timeline', () => {
  it('works back from the meeting and warns about a section due after the sections-due date', () => {
    const plan = applyAll(newTestPlan().plan, [
      [
        {
          type: 'setDates',
          dates: {
            decisionMeeting: { body: 'Cabinet', date: '2024-07-10' },
            submissionDeadline: '2024-07-19',
            keyDecision: true,
          },
        },
        testPeople.lead,
      ],
      [
        {
          type: 'assignSection',
          sectionKey: 'context',
          ownerId: testPeople.owner,
          contributorIds: [],
          dueDate: '2024-07-05',
        },
        testPeople.lead,
      ],
    ]);
    const { entries, warnings } = planTimeline(plan, '2024-05-01', rules, calendar);
    const agenda = entries.find((e) => e.key === 'agenda-publication');
    expect(agenda?.date).toBe('2024-07-02');
    expect(warnings.map((w) => w.code)).toContain('SECTION_DUE_AFTER_SECTIONS_DUE');
  });

  it('warns when a key decision no longer has 28 clear days of notice', () => {
    const plan = applyAll(newTestPlan().plan, [
      [
        {
          type: 'setDates',
          dates: { decisionMeeting: { body: 'Cabinet', date: '2024-07-10' }, keyDecision: true },
        },
        testPeople.lead,
      ],
    ]);
    const { warnings } = planTimeline(plan, '2024-06-25', rules, calendar);
    expect(warnings.map((w) => w.code)).toContain('KEY_DECISION_NOTICE_TOO_LATE');
  });
});
