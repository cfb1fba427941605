/** Turning the check-in schedule into messages for people: cards, addressed, under idempotency keys. */
import type { CheckInsDue } from '../domain/kpis/check-ins.js';
import type { Kpi, KpiValue } from '../domain/kpis/kpi.js';
import type { Plan } from '../domain/plan/plan.js';
import type { OutgoingMessage } from './outbox.js';

export interface KpiNotificationComposer {
  forCheckIns(
    plan: Plan,
    kpis: readonly Kpi[],
    values: readonly KpiValue[],
    due: CheckInsDue,
    now: string,
  ): Promise<readonly OutgoingMessage[]>;
}
