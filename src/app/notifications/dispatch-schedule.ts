/**
 * When the outbox worker next asks SharePoint what is due. Asking costs resource units (two list
 * queries, 4 RU), so an idle server must not ask every tick: it asks at once when this instance has just
 * enqueued or re-queued something, straight after a pass that left work (the budget stopped it, or it
 * took a whole page), a back-off after a send to retry, and otherwise only every `sweepMs`, for what
 * another instance enqueued and could not send, or a claim that lapsed.
 */
import type { DispatchReport } from './dispatch-outbox.js';

export interface DispatchTiming {
  /** An idle sweep, for work this instance did not enqueue. */
  readonly sweepMs: number;
  /** After a send that failed and will be tried again (the shortest back-off), or a pass that failed. */
  readonly retryMs: number;
}

export const DEFAULT_DISPATCH_TIMING: DispatchTiming = { sweepMs: 30_000, retryMs: 15_000 };

export class DispatchSchedule {
  /** The first pass goes at once: what was left when the server last stopped. */
  private wakeAt = Number.NEGATIVE_INFINITY;
  private running = false;
  private enqueuedDuring = false;

  constructor(private readonly timing: DispatchTiming = DEFAULT_DISPATCH_TIMING) {}

  /** Whether a pass should start at `nowMs`. */
  due(nowMs: number): boolean {
    return !this.running && nowMs >= this.wakeAt;
  }

  /** A pass is starting: what is enqueued from now on may be missing from what it reads. */
  starting(): void {
    this.running = true;
    this.enqueuedDuring = false;
  }

  /** This instance put messages in the outbox that are due now. */
  enqueued(nowMs: number): void {
    if (this.running) this.enqueuedDuring = true;
    else this.wakeAt = Math.min(this.wakeAt, nowMs);
  }

  /** A pass ended at `nowMs` with this report, or failed (null). */
  passed(nowMs: number, report: DispatchReport | null): void {
    const after =
      report === null || report.retrying > 0 ? this.timing.retryMs : report.more ? 0 : this.timing.sweepMs;
    this.wakeAt = this.enqueuedDuring ? nowMs : nowMs + after;
    this.running = false;
    this.enqueuedDuring = false;
  }
}
