/**
 * The timeline and call-in follow each council's governance: a committee plan has no call-in, forward plan,
 * decision notice or portfolio holder; an executive plan waits for call-in to end before it can be
 * published or submitted (unless urgency is recorded where the council allows it); the deadline margin
 * warns when the decision leaves too little time.
 */
import { describe, expect, it } from 'vitest';
import { decisionWithCallIn } from '../../../src/app/plans/decision.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { planTimeline } from '../../../src/domain/timeline/plan-timeline.js';
import { submissionChecks } from '../../../src/domain/checks/submission-checks.js';
import type { TimelineEntryKey } from '../../../src/domain/timeline/timeline.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import { loadCalendar, loadTimelineRules } from '../../../src/templates/calendar-load.js';
import { applyAll, catalog, testPeople, newTestPlan } from '../../support/fixtures/index.js';
import { atDecision, openDecision, step } from './decision-stage.js';

const rules = loadTimelineRules();
const calendar = loadCalendar();
const format = (id: string) => catalog.reportFormats.find((f) => f.id === id)!;

const withDates = (formatId: string, meeting: string, deadline = '2024-07-19'): Plan =>
  applyAll(newTestPlan({ formatId }).plan, [
    [
      {
        type: 'setDates',
        dates: {
          decisionMeeting: { body: format(formatId).decisionBody, date: meeting },
          submissionDeadline: deadline,
        },
      },
      testPeople.lead,
    ],
  ]);

const keysOf = (plan: Plan, today = '2024-05-01'): TimelineEntryKey[] =>
  planTimeline(plan, today, rules, calendar).entries.map((e) => e.key);

describe('a committee-system plan (Fenmarsh, Governance and Resources Committee, 16 July 2024)', () => {
  const plan = withDates('fenmarsh-governance-and-resources', '2024-07-16');
  const timeline = planTimeline(plan, '2024-05-01', rules, calendar);
  const dateOf = (key: TimelineEntryKey) => timeline.entries.find((e) => e.key === key)?.date;

  it('has no call-in, forward plan, decision notice or portfolio-holder step', () => {
    const keys = timeline.entries.map((e) => e.key);
    for (const absent of [
      'call-in-ends',
      'forward-plan-notice',
      'decision-notice',
      'portfolio-holder-sign-off',
    ])
      expect(keys).not.toContain(absent);
    expect(timeline.entries.map((e) => e.label).join(' ')).not.toMatch(
      /portfolio|call-in|forward plan|key decision/i,
    );
  });

  it('has the steps of its own chain: the Corporate Leadership Team and the Chair’s briefing', () => {
    expect(timeline.entries.map((e) => [e.key, e.label, e.date])).toEqual([
      ['sections-due', 'All sections due to the plan lead', '2024-06-17'],
      ['management-team', 'Corporate Leadership Team', '2024-06-24'],
      ['stage:chair-briefing', 'Chair’s briefing', '2024-07-04'],
      ['agenda-publication', 'Agenda and reports published', '2024-07-08'],
      ['decision-meeting', 'Governance and Resources Committee meeting', '2024-07-16'],
      ['submission-deadline', 'Submission deadline', '2024-07-19'],
    ]);
    expect(timeline.entries.find((e) => e.key === 'stage:chair-briefing')?.rule).toContain(
      'Fenmarsh District Council, committee report timetable',
    );
    expect(dateOf('agenda-publication')).toBe('2024-07-08');
  });

  it('refuses to make the plan a key decision', () => {
    const result = decide(
      plan,
      { type: 'setDates', dates: { keyDecision: true } },
      { id: testPeople.lead },
      '2024-05-01T09:00:00Z',
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('with only a deadline, works back to the latest meeting that leaves the deadline margin', () => {
    const deadlineOnly = applyAll(newTestPlan({ formatId: 'fenmarsh-governance-and-resources' }).plan, [
      [{ type: 'setDates', dates: { submissionDeadline: '2024-07-19' } }, testPeople.lead],
    ]);
    const derived = planTimeline(deadlineOnly, '2024-05-01', rules, calendar);
    expect(derived.entries.find((e) => e.key === 'decision-meeting')).toMatchObject({
      date: '2024-07-16',
      origin: 'derived',
    });
    expect(derived.warnings).toEqual([]);
  });
});

describe('an executive plan takes its steps from its chain', () => {
  it('Sandwell has no management team meeting, since its 2024 report records none', () => {
    const keys = keysOf(withDates('sandwell-cabinet', '2024-07-17'));
    expect(keys).not.toContain('management-team');
    expect(keys).toContain('portfolio-holder-sign-off');
    expect(keys).toContain('call-in-ends');
  });

  it('Barking keeps its management team, portfolio holder, forward plan and call-in', () => {
    const keys = keysOf(withDates('barking-and-dagenham-cabinet', '2024-07-10'));
    for (const key of [
      'management-team',
      'portfolio-holder-sign-off',
      'forward-plan-notice',
      'decision-notice',
      'call-in-ends',
    ])
      expect(keys).toContain(key);
  });
});

describe('the deadline margin (3 working days unless the format says otherwise)', () => {
  const margin = (meeting: string) =>
    planTimeline(
      withDates('fenmarsh-governance-and-resources', meeting),
      '2024-05-01',
      rules,
      calendar,
    ).warnings.filter((w) => w.code === 'DEADLINE_MARGIN_SHORT');

  it('warns when the meeting leaves 1 working day before the deadline', () => {
    const [warning] = margin('2024-07-18');
    expect(warning?.message).toContain(
      'leaves 1 working day before the submission deadline of Fri 19 July 2024',
    );
    expect(warning?.message).toContain('at least 3');
    expect(warning?.entryKeys).toEqual(['decision-meeting', 'submission-deadline']);
  });

  it('does not warn when it leaves 5', () => {
    expect(margin('2024-07-12')).toEqual([]);
  });

  it('counts working days: a meeting on Friday 12 July leaves 5, not 7', () => {
    expect(margin('2024-07-16')).toEqual([]); // 3 working days: 17, 18, 19 July
    expect(margin('2024-07-17')).toHaveLength(1); // 2
  });
});

describe('a section due after the meeting it feeds', () => {
  it('is warned about, naming the meeting', () => {
    const plan = applyAll(withDates('fenmarsh-governance-and-resources', '2024-07-16'), [
      [
        {
          type: 'assignSection',
          sectionKey: 'context',
          ownerId: testPeople.owner,
          contributorIds: [],
          dueDate: '2024-06-25',
        },
        testPeople.lead,
      ],
    ]);
    const warnings = planTimeline(plan, '2024-05-01', rules, calendar).warnings.filter(
      (w) => w.code === 'DUE_AFTER_MEETING',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(
      /is due on Tue 25 June 2024, but it feeds the Corporate Leadership Team on Mon 24 June 2024/,
    );
  });
});

describe('call-in (Ashcombe: decision notice 2 working days after Cabinet, then 5 working days)', () => {
  const ashcombe = format('ashcombe-borough-cabinet');
  const decisionAt = '2024-07-02T17:00:00Z';
  const decided = (): Plan => {
    const plan = atDecision(ashcombe, '2024-06-20T09:00:00Z');
    const command = decisionWithCallIn(
      { rules, calendar },
      {
        type: 'recordDecision',
        stageKey: openDecision(plan).key,
        meetingBody: 'Cabinet',
        meetingDate: '2024-07-02',
        minuteReference: 'CAB 24/55',
        callInEndsOn: null,
        outcome: 'noted-and-approved-for-publication',
        versionHash: contentHash(plan),
      },
    )(plan);
    return step(plan, command, testPeople.lead, decisionAt);
  };
  const publish = (plan: Plan, reason?: string): Command => ({
    type: 'publish',
    versionHash: contentHash(plan),
    links: [{ label: 'Web page', url: 'https://ashcombe.example/plan' }],
    ...(reason === undefined ? {} : { callInOverride: { reason } }),
  });
  const asLead = (plan: Plan, command: Command, now: string) =>
    decide(plan, command, { id: testPeople.lead }, now);

  it('works the end of call-in out from the meeting date and the council’s rules', () => {
    expect(decided().decision?.callInEndsOn).toBe('2024-07-11');
  });

  it('refuses publication before call-in ends, saying why and until when', () => {
    const plan = decided();
    const result = asLead(plan, publish(plan), '2024-07-11T15:00:00Z');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'CALL_IN_OPEN', callInEndsOn: '2024-07-11' } },
    });
    if (result.ok) return;
    expect(result.error.message).toBe(
      "Cabinet's decision of Tue 2 July 2024 is open to call-in until the end of Thu 11 July 2024, so the plan cannot be published before then unless the Chair of the Overview and Scrutiny Committee agrees it is urgent: publish with the reason recorded.",
    );
  });

  it('allows publication once call-in has ended, and then the submission', () => {
    const plan = decided();
    const published = asLead(plan, publish(plan), '2024-07-12T08:00:00Z');
    if (!published.ok) throw new Error(published.error.message);
    expect(published.value.plan.status).toBe('published');
    expect(published.value.plan.publication?.callInOverride).toBeUndefined();
    const submitted = asLead(
      published.value.plan,
      { type: 'recordSubmission', to: 'DLUHC', submittedOn: '2024-07-12', reference: null },
      '2024-07-12T09:00:00Z',
    );
    expect(submitted.ok).toBe(true);
  });

  it('allows publication during call-in as urgent, recording who must agree and why; then submission too', () => {
    const plan = decided();
    const reason =
      'The Chair of Overview and Scrutiny agreed on 3 July that the 19 July deadline cannot wait';
    const published = asLead(plan, publish(plan, reason), '2024-07-05T10:00:00Z');
    if (!published.ok) throw new Error(published.error.message);
    expect(published.value.plan.publication?.callInOverride).toEqual({
      reason,
      agreedBy: 'the Chair of the Overview and Scrutiny Committee',
      callInEndsOn: '2024-07-11',
      recordedBy: testPeople.lead,
      recordedAt: '2024-07-05T10:00:00Z',
    });
    expect(published.value.audit?.summary).toContain('before call-in ended, as urgent');
    const checks = submissionChecks(published.value.plan, undefined, '2024-07-05T11:00:00Z');
    expect(checks.find((c) => c.key === 'call-in')).toMatchObject({ passed: true, blocking: true });
    expect(
      asLead(
        published.value.plan,
        { type: 'recordSubmission', to: 'DLUHC', submittedOn: '2024-07-05', reference: null },
        '2024-07-05T11:00:00Z',
      ).ok,
    ).toBe(true);
  });

  it('refuses an urgent publication where the council has no urgency procedure (Barking)', () => {
    let plan = atDecision(format('barking-and-dagenham-cabinet'), '2024-07-01T09:00:00Z');
    plan = step(
      plan,
      {
        type: 'recordDecision',
        stageKey: openDecision(plan).key,
        meetingBody: 'Cabinet',
        meetingDate: '2024-07-10',
        minuteReference: 'Min. 4',
        callInEndsOn: '2024-07-19',
        outcome: 'approved',
        versionHash: contentHash(plan),
      },
      testPeople.lead,
      '2024-07-10T18:00:00Z',
    );
    const result = asLead(plan, publish(plan, 'The deadline'), '2024-07-12T10:00:00Z');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    if (result.ok) return;
    expect(result.error.message).toContain("this council's rules have no urgency procedure");
  });

  it('shows the end of call-in on the timeline once the decision is recorded', () => {
    const timeline = planTimeline(decided(), '2024-07-03', rules, calendar);
    expect(timeline.entries.find((e) => e.key === 'call-in-ends')).toMatchObject({
      date: '2024-07-11',
      origin: 'set',
    });
    expect(timeline.entries.find((e) => e.key === 'decision-meeting')).toMatchObject({ date: '2024-07-02' });
  });
});

describe('an executive council where only key decisions can be called in (Wealdshire, a non-key decision)', () => {
  const wealdshire = format('wealdshire-county-cabinet');

  it('starts the plan as not a key decision: no forward plan and no call-in, but a decision notice', () => {
    const keys = keysOf(withDates('wealdshire-county-cabinet', '2024-07-10'));
    expect(keys).not.toContain('forward-plan-notice');
    expect(keys).not.toContain('call-in-ends');
    expect(keys).toContain('decision-notice');
    expect(keys).toContain('management-team');
    expect(keys).toContain('portfolio-holder-sign-off');
  });

  it('shows the key decision in its header field and, once it is one, adds the forward plan and call-in', () => {
    const plan = applyAll(withDates('wealdshire-county-cabinet', '2024-07-10'), [
      [{ type: 'setHeaderField', key: 'key-decision', value: true }, testPeople.lead],
    ]);
    expect(plan.dates.keyDecision).toBe(true);
    const keys = keysOf(plan);
    expect(keys).toContain('forward-plan-notice');
    expect(keys).toContain('call-in-ends');
  });

  it('warns when Cabinet leaves fewer than its own 5 working days before the deadline', () => {
    const margin = (meeting: string) =>
      planTimeline(
        withDates('wealdshire-county-cabinet', meeting),
        '2024-05-01',
        rules,
        calendar,
      ).warnings.filter((w) => w.code === 'DEADLINE_MARGIN_SHORT');
    expect(margin('2024-07-12')).toEqual([]);
    expect(margin('2024-07-15')[0]?.message).toContain('leaves 4 working days');
    expect(margin('2024-07-15')[0]?.message).toContain('at least 5');
  });

  it('publishes straight after a non-key decision: there is no call-in to wait for', () => {
    let plan = atDecision(wealdshire, '2024-07-01T09:00:00Z');
    plan = step(
      plan,
      {
        type: 'recordDecision',
        stageKey: openDecision(plan).key,
        meetingBody: 'Cabinet',
        meetingDate: '2024-07-10',
        minuteReference: 'Min. 3',
        callInEndsOn: null,
        outcome: 'approved',
        versionHash: contentHash(plan),
      },
      testPeople.lead,
      '2024-07-10T17:00:00Z',
    );
    const published = decide(
      plan,
      {
        type: 'publish',
        versionHash: contentHash(plan),
        links: [{ label: 'Web page', url: 'https://wealdshire.example/plan' }],
      },
      { id: testPeople.lead },
      '2024-07-11T09:00:00Z',
    );
    expect(published.ok).toBe(true);
  });
});
