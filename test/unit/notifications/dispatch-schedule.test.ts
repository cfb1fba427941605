import { describe, expect, it } from 'vitest';
import type { DispatchReport } from '../../../src/app/notifications/dispatch-outbox.js';
import { DispatchSchedule } from '../../../src/app/notifications/dispatch-schedule.js';

const TIMING = { sweepMs: 30_000, retryMs: 15_000 };
const report = (over: Partial<DispatchReport> = {}): DispatchReport => ({
  sent: 0,
  retrying: 0,
  failed: 0,
  skipped: 0,
  more: false,
  ...over,
});

/** A schedule whose first pass (at 0) has run and ended with `ended`. */
function after(ended: DispatchReport | null, at = 1_000): DispatchSchedule {
  const schedule = new DispatchSchedule(TIMING);
  expect(schedule.due(0)).toBe(true);
  schedule.starting();
  schedule.passed(at, ended);
  return schedule;
}

describe('when the outbox worker asks SharePoint what is due', () => {
  it('asks at once on start, then, with nothing enqueued here, only after the sweep interval', () => {
    const schedule = after(report({ sent: 3 }));
    expect(schedule.due(1_000 + 29_999)).toBe(false);
    expect(schedule.due(1_000 + 30_000)).toBe(true);
  });

  it('asks at once when this instance enqueues, however recently it swept', () => {
    const schedule = after(report());
    schedule.enqueued(2_000);
    expect(schedule.due(2_000)).toBe(true);
  });

  it('never starts a pass while one runs, and asks again straight after one that missed an enqueue', () => {
    const schedule = new DispatchSchedule(TIMING);
    schedule.starting();
    expect(schedule.due(0)).toBe(false);
    schedule.enqueued(500);
    expect(schedule.due(500)).toBe(false);
    schedule.passed(1_000, report({ sent: 1 }));
    expect(schedule.due(1_000)).toBe(true);
  });

  it('goes on at once after a pass that left due entries (the budget stopped it, or a whole page)', () => {
    expect(after(report({ sent: 25, more: true })).due(1_000)).toBe(true);
  });

  it('comes back after the shortest back-off when a send is to be retried or the pass failed', () => {
    for (const schedule of [after(report({ retrying: 1 })), after(null)]) {
      expect(schedule.due(1_000 + 14_999)).toBe(false);
      expect(schedule.due(1_000 + 15_000)).toBe(true);
    }
  });
});
