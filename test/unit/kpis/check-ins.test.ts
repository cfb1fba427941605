import { describe, expect, it } from 'vitest';
import { checkIn, checkInsDue, sameCheckIn } from '../../../src/domain/kpis/check-ins.js';
import type { Kpi, KpiValue } from '../../../src/domain/kpis/kpi.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { loadCalendar } from '../../../src/templates/calendar-load.js';
import { agencyShareDraft, kpiFrom, onlineDraft, testPeople, valueOf } from '../../support/fixtures/index.js';

const calendar = loadCalendar();

const published = (on = '2024-07-05'): Pick<Plan, 'id' | 'leadId' | 'status' | 'publication'> => ({
  id: 'plan-1',
  leadId: testPeople.lead,
  status: 'published',
  publication: {
    hash: 'h',
    version: 3,
    links: [],
    publishedBy: testPeople.lead,
    publishedAt: `${on}T10:00:00Z`,
  },
});

/** Quarterly, measured from 31 March 2024 to 31 March 2026. */
const quarterly: Kpi = kpiFrom(agencyShareDraft(), 'agency');
/** Monthly, measured from 31 March 2024 to 31 March 2025. */
const monthly: Kpi = kpiFrom(onlineDraft(), 'online');

const due = (
  today: string,
  values: readonly KpiValue[] = [],
  kpis: readonly Kpi[] = [quarterly],
  plan = published(),
) => checkInsDue(plan, kpis, values, today, calendar);

describe('the check-in schedule', () => {
  it('asks the owner for a value the day after a period ends, once per period', () => {
    expect(due('2024-06-30').requests).toEqual([]);
    const first = due('2024-07-01').requests;
    expect(first).toEqual([
      {
        key: `kpi-checkin/agency/FY2024-25-Q1/${testPeople.owner}`,
        planId: 'plan-1',
        kpiId: 'agency',
        ownerId: testPeople.owner,
        kind: 'due',
        period: expect.objectContaining({ key: 'FY2024-25-Q1', end: '2024-06-30' }),
        // Ten working days after Sunday 30 June 2024.
        dueBy: '2024-07-12',
      },
    ]);
    // The same key on every pass until it is answered, so the outbox sends it once.
    expect(due('2024-07-08').requests.map((r) => r.key)).toEqual(first.map((r) => r.key));
    expect(due('2024-07-12').requests.map((r) => r.kind)).toEqual(['due']);
  });

  it('stops asking once any value for the period is recorded', () => {
    expect(due('2024-07-08', [valueOf(quarterly, 'FY2024-25-Q1', 4)]).requests).toEqual([]);
    // A value for another KPI or period does not count.
    expect(due('2024-07-08', [valueOf(monthly, 'FY2024-25-Q1', 4)]).requests).toHaveLength(1);
    expect(due('2024-07-08', [valueOf(quarterly, 'FY2023-24-Q4', 4)]).requests).toHaveLength(1);
  });

  it('reminds the owner once when the value is overdue, and escalates to the plan lead', () => {
    const late = due('2024-07-15');
    expect(late.requests.map((r) => [r.kind, r.key])).toEqual([
      ['overdue', `kpi-checkin/agency/FY2024-25-Q1/${testPeople.owner}/overdue`],
    ]);
    expect(late.escalation).toEqual({
      key: 'kpi-escalation/plan-1/2024-07-12',
      planId: 'plan-1',
      leadId: testPeople.lead,
      overdue: [
        {
          kpiId: 'agency',
          ownerId: testPeople.owner,
          period: expect.objectContaining({ key: 'FY2024-25-Q1' }),
          dueBy: '2024-07-12',
        },
      ],
    });
    // Every later pass gives the same keys: one reminder, one digest.
    const later = due('2024-08-20');
    expect(later.requests.map((r) => r.key)).toEqual(late.requests.map((r) => r.key));
    expect(later.escalation?.key).toBe(late.escalation?.key);
    expect(due('2024-07-15', [valueOf(quarterly, 'FY2024-25-Q1', 4)]).escalation).toBeNull();
  });

  it('asks only for the latest period, but escalates every period still missing, with a new digest when one more is late', () => {
    const result = due('2024-10-20');
    expect(result.requests.map((r) => [r.kind, r.period.key])).toEqual([['overdue', 'FY2024-25-Q2']]);
    expect(result.escalation?.overdue.map((o) => o.period.key)).toEqual(['FY2024-25-Q1', 'FY2024-25-Q2']);
    expect(result.escalation?.key).toBe('kpi-escalation/plan-1/2024-10-14');
    const q1Answered = due('2024-10-20', [valueOf(quarterly, 'FY2024-25-Q1', 4)]);
    expect(q1Answered.escalation?.overdue.map((o) => o.period.key)).toEqual(['FY2024-25-Q2']);
  });

  it('follows each KPI’s frequency, and ends with the period holding the target date', () => {
    const result = due('2024-08-02', [], [quarterly, monthly]);
    expect(result.requests.map((r) => [r.kpiId, r.kind, r.period.key])).toEqual([
      ['agency', 'overdue', 'FY2024-25-Q1'],
      ['online', 'due', '2024-07'],
    ]);
    expect(due('2025-04-02', [], [monthly], published()).requests.map((r) => r.period.key)).toEqual([
      '2025-03',
    ]);
    expect(due('2025-06-02', [], [monthly], published()).requests.map((r) => r.period.key)).toEqual([
      '2025-03',
    ]);
  });

  it('chases nothing before publication, nothing already late when the plan was published, nothing retired', () => {
    expect(
      due('2024-07-15', [], [quarterly], { ...published(), status: 'decided', publication: null }),
    ).toEqual({
      requests: [],
      escalation: null,
    });
    // Published on 20 July: Q1's answers were due on 12 July, so Q1 is not chased.
    expect(due('2024-07-25', [], [quarterly], published('2024-07-20'))).toEqual({
      requests: [],
      escalation: null,
    });
    expect(
      due('2024-10-02', [], [quarterly], published('2024-07-20')).requests.map((r) => r.period.key),
    ).toEqual(['FY2024-25-Q2']);
    expect(due('2024-07-15', [], [{ ...quarterly, retired: true }]).requests).toEqual([]);
    expect(due('2024-07-15', [], [{ ...quarterly, planId: 'another-plan' }]).requests).toEqual([]);
  });

  it('addresses the current owner', () => {
    const moved = { ...quarterly, ownerId: 'someone-else' };
    expect(due('2024-07-01', [], [moved]).requests[0]).toMatchObject({
      ownerId: 'someone-else',
      key: 'kpi-checkin/agency/FY2024-25-Q1/someone-else',
    });
  });
});

describe('a check-in', () => {
  const now = '2024-07-03T08:30:00Z';

  it('computes a share from the part and whole given, as at the end of its period', () => {
    const result = checkIn(
      quarterly,
      {
        periodKey: 'FY2024-25-Q1',
        reading: { part: 1_000_000, whole: 25_000_000 },
        commentary: '  Fewer locums. ',
      },
      testPeople.owner,
      now,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        kpiId: 'agency',
        planId: 'plan-1',
        periodKey: 'FY2024-25-Q1',
        asOf: '2024-06-30',
        measurement: { value: 4, part: 1_000_000, whole: 25_000_000 },
        commentary: 'Fewer locums.',
        recordedBy: testPeople.owner,
        recordedAt: now,
        correctedBy: null,
        correctedAt: null,
      },
    });
  });

  it('refuses a period of another frequency, outside the KPI’s dates, not yet ended, or a bad value', () => {
    const cases: [string, Parameters<typeof checkIn>[1]['reading'], RegExp][] = [
      ['2024-06', { part: 1, whole: 2 }, /not a quarterly period/],
      ['nonsense', { part: 1, whole: 2 }, /not a quarterly period/],
      ['FY2023-24-Q4', { part: 1, whole: 2 }, /outside that/],
      ['FY2026-27-Q1', { part: 1, whole: 2 }, /outside that/],
      ['FY2024-25-Q2', { part: 1, whole: 2 }, /Q2 2024\/25 has not ended yet/],
      ['FY2024-25-Q1', { part: 3, whole: 2 }, /over 100%/],
      ['FY2024-25-Q1', { value: 4 }, /computed from them, not typed/],
    ];
    for (const [periodKey, reading, message] of cases) {
      const result = checkIn(quarterly, { periodKey, reading, commentary: null }, testPeople.owner, now);
      expect(result.ok, periodKey).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    const long = checkIn(
      quarterly,
      { periodKey: 'FY2024-25-Q1', reading: { part: 1, whole: 2 }, commentary: 'x'.repeat(1001) },
      testPeople.owner,
      now,
    );
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is the same check-in when clicked again with the same answer, whoever clicked and when', () => {
    const a = checkIn(
      monthly,
      { periodKey: '2024-06', reading: { value: 12_000 }, commentary: 'ok' },
      testPeople.owner,
      now,
    );
    const b = checkIn(
      monthly,
      { periodKey: '2024-06', reading: { value: 12_000 }, commentary: 'ok ' },
      testPeople.lead,
      '2024-07-04T00:00:00Z',
    );
    const c = checkIn(
      monthly,
      { periodKey: '2024-06', reading: { value: 12_001 }, commentary: 'ok' },
      testPeople.owner,
      now,
    );
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid check-ins');
    expect(sameCheckIn(a.value, b.value)).toBe(true);
    expect(sameCheckIn(a.value, c.value)).toBe(false);
  });
});
