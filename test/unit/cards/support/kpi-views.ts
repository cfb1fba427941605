/** Sample view models for the KPI cards, with a `text` hook to make every piece of user text hostile. */
import type {
  KpiCheckInRecordedView,
  KpiCheckInView,
  KpiEscalationView,
} from '../../../../src/cards/kpi-cards.js';
import { SECTION_URL } from './views.js';

export function checkInView(
  text = (s: string) => s,
  overrides: Partial<KpiCheckInView> = {},
): KpiCheckInView {
  return {
    planId: 'plan-1',
    planTitle: text('Productivity Plan 2024'),
    kpiId: 'kpi-1',
    kpiName: text('Online transactions'),
    definition: text('Transactions completed online without staff help, a month.'),
    periodKey: '2024-06',
    periodLabel: 'June 2024',
    dueBy: '2024-07-12',
    timing: 'due',
    inputs: { kind: 'value', label: text('Online transactions (a count)'), min: 0, max: null },
    baseline: '10,000 (31 March 2024)',
    target: '16,000 by 31 March 2025',
    latest: { periodLabel: 'May 2024', value: '10,200' },
    kpiUrl: SECTION_URL,
    notice: null,
    entered: null,
    ...overrides,
  };
}

export function shareCheckInView(text = (s: string) => s): KpiCheckInView {
  return checkInView(text, {
    kpiName: text('Agency spend as a share of the staff budget'),
    periodKey: 'FY2024-25-Q1',
    periodLabel: 'Q1 2024/25',
    timing: 'overdue',
    inputs: { kind: 'share', partLabel: text('Agency spend (£)'), wholeLabel: text('Staff budget (£)') },
    baseline: '4.2% (31 March 2024)',
    target: '3% by 31 March 2026',
    latest: null,
    notice: {
      tone: 'warning',
      text: text('The value for Q1 2024/25: Agency spend is more than Staff budget (over 100%)'),
    },
    entered: { value: null, part: 120, whole: 100, comment: text('Typed before the refusal.') },
  });
}

export function recordedView(text = (s: string) => s): KpiCheckInRecordedView {
  return {
    planTitle: text('Productivity Plan 2024'),
    kpiName: text('Agency spend as a share of the staff budget'),
    periodLabel: 'Q1 2024/25',
    value: '4% (£1,000,000 of £25,000,000)',
    commentary: text('Fewer locums in adult social care.'),
    rag: 'green',
    recordedByName: text('Sam Owner'),
    recordedOn: '2024-07-03',
    kpiUrl: SECTION_URL,
    notice: { tone: 'good', text: 'Recorded. Thank you.' },
  };
}

export function kpiEscalationView(text = (s: string) => s, count = 2): KpiEscalationView {
  return {
    planTitle: text('Productivity Plan 2024'),
    planUrl: SECTION_URL,
    overdue: Array.from({ length: count }, (_, i) => ({
      kpiName: text(`KPI ${i + 1}`),
      ownerName: text('Sam Owner'),
      periodLabel: 'Q1 2024/25',
      dueBy: '2024-07-12',
      daysOverdue: 3 + i,
    })),
  };
}
