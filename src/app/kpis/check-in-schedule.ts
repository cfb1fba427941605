/** One pass of the check-in schedule: KPI owners asked for values, the plan lead told of overdue ones. */
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import { checkInsDue, type CheckInPolicy } from '../../domain/kpis/check-ins.js';
import type { Clock } from '../../ports/clock.js';
import type { KpiNotificationComposer } from '../../ports/kpi-notifications.js';
import type { KpiStore } from '../../ports/kpi-store.js';
import type { Outbox } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';

export interface CheckInScheduleDeps {
  readonly plans: PlanStore;
  readonly kpis: KpiStore;
  readonly outbox: Outbox;
  readonly composer: KpiNotificationComposer;
  readonly clock: Clock;
  readonly calendar: BankHolidayCalendar;
  readonly policy?: CheckInPolicy;
}

/**
 * One pass of the check-in schedule over every published plan. Safe to run on every instance as often
 * as wanted: requests and escalations are keyed by their point in the schedule.
 */
export async function scheduleCheckIns(deps: CheckInScheduleDeps): Promise<{ readonly enqueued: number }> {
  const now = deps.clock.now();
  const today = now.slice(0, 10);
  let enqueued = 0;
  for (const summary of await deps.plans.list()) {
    if (summary.status !== 'published') continue;
    const loaded = await deps.plans.load(summary.id);
    if (!loaded.ok) continue;
    const stored = await deps.kpis.forPlan(summary.id);
    const kpis = stored.kpis.map((k) => k.item);
    const values = stored.values.map((v) => v.item);
    const due = checkInsDue(loaded.value.plan, kpis, values, today, deps.calendar, deps.policy);
    if (due.requests.length === 0 && due.escalation === null) continue;
    const messages = await deps.composer.forCheckIns(loaded.value.plan, kpis, values, due, now);
    enqueued += await deps.outbox.enqueue(messages);
  }
  return { enqueued };
}
