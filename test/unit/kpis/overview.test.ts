import { describe, expect, it } from 'vitest';
import { planOverview } from '../../../src/domain/kpis/overview.js';
import { loadCalendar } from '../../../src/templates/calendar-load.js';
import { agencyShareDraft, kpiFrom, onlineDraft, valueOf } from '../../support/fixtures/index.js';

const calendar = loadCalendar();
const agency = kpiFrom(agencyShareDraft(), 'agency');
const online = kpiFrom(onlineDraft(), 'online');

describe('the KPI overview', () => {
  it('gives each KPI its trend against the path to its target, its status and what is missing', () => {
    const values = [
      valueOf(online, '2024-05', 10_200),
      valueOf(online, '2024-04', 10_400),
      valueOf(agency, 'FY2024-25-Q1', 4),
    ];
    const overview = planOverview(
      [agency, online, { ...online, id: 'gone', retired: true }],
      values,
      [],
      '2024-07-20',
      calendar,
    );
    expect(overview.kpis.map((k) => k.kpi.id)).toEqual(['agency', 'online']);
    const o = overview.kpis[1]!;
    expect(o.trend.map((p) => [p.periodKey, p.value])).toEqual([
      ['2024-04', 10_400],
      ['2024-05', 10_200],
    ]);
    expect(o.trend[0]!.expected).toBeGreaterThan(10_000);
    expect(o.trend[0]!.expected).toBeLessThan(o.trend[1]!.expected);
    expect(o.rag.status).toBe('amber');
    // June is the latest month without a value; it was due on 12 July.
    expect(o.missing).toMatchObject({ period: { key: '2024-06' }, dueBy: '2024-07-12', overdue: true });
    expect(overview.kpis[0]!.missing).toBeNull();
    expect(overview.kpis[0]!.rag.status).toBe('green');
  });

  it('counts a period ending today as ended', () => {
    expect(planOverview([online], [], [], '2024-06-30', calendar).kpis[0]!.missing?.period.key).toBe(
      '2024-06',
    );
  });

  it('never reports as missing a period whose value fell due before the plan was published', () => {
    // Published on 20 July: June's value was due on 12 July, before anyone was asked for it.
    const overview = planOverview([online], [], [], '2024-07-25', calendar, undefined, '2024-07-20');
    expect(overview.kpis[0]!.missing).toBeNull();
    // The first period asked for is reported once it falls due.
    const later = planOverview([online], [], [], '2024-08-20', calendar, undefined, '2024-07-20');
    expect(later.kpis[0]!.missing).toMatchObject({ period: { key: '2024-07' }, overdue: true });
  });
});
