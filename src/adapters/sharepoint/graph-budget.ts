/**
 * What SharePoint says about this app's resource-unit budget, read from every Graph answer (top-level
 * ones through the client's middleware, those inside a `$batch` through batchOptions()): the
 * `RateLimit-Limit/Remaining/Reset` headers it sends once 80 % of the minute's budget is used, and 429/503
 * with `Retry-After` once it is gone (the greater of Retry-After and RateLimit-Reset is honoured). Work
 * nobody is waiting for (reminders, outbox sweeps, freezing documents) asks `backgroundDelayMs()` first
 * and waits, so what is left goes to people's clicks and saves.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { BackgroundGate } from '../../ports/background.js';
import type { BatchOptions } from './graph-batch.js';

export interface BudgetOptions {
  /** Background work stops while fewer than this share of the minute's budget is left. */
  readonly reserveShare?: number;
  /** Milliseconds, for tests. */
  readonly now?: () => number;
}

/** The budget as last reported; SharePoint reports nothing while under 80 % used. */
export interface BudgetReading {
  readonly limit: number | null;
  readonly remaining: number | null;
  /** When the reading stops applying: the window resets, or the throttle lifts. */
  readonly until: number;
  readonly throttled: boolean;
}

const header = (headers: Headers | Readonly<Record<string, string>>, name: string): string | null => {
  if (headers instanceof Headers) return headers.get(name);
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found ? found[1] : null;
};

const seconds = (value: string | null): number | null => {
  if (value === null) return null;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
};

/** Two readings whose windows reset within this of each other are of the same window (Reset is whole seconds). */
const SAME_WINDOW_MS = 2_000;

export class GraphBudget implements BackgroundGate {
  private readonly reserveShare: number;
  private readonly now: () => number;
  private reading: BudgetReading = { limit: null, remaining: null, until: 0, throttled: false };
  /** Answers seen, throttled answers seen, and background waits asked for, for the bench and tests. */
  readonly counts = { answers: 0, throttled: 0, backgroundWaits: 0 };

  constructor(options: BudgetOptions = {}) {
    this.reserveShare = options.reserveShare ?? 0.15;
    this.now = options.now ?? (() => Date.now());
  }

  /** One Graph answer: a top-level response, or a response inside a `$batch`. */
  observe(status: number, headers: Headers | Readonly<Record<string, string>>): void {
    this.counts.answers += 1;
    const limit = Number(header(headers, 'RateLimit-Limit') ?? NaN);
    const remaining = Number(header(headers, 'RateLimit-Remaining') ?? NaN);
    const reset = seconds(header(headers, 'RateLimit-Reset'));
    const retryAfter = seconds(header(headers, 'Retry-After'));
    const now = this.now();
    if (status === 429 || status === 503) {
      this.counts.throttled += 1;
      // No header at all: a second, as Graph's own guidance suggests; "Retry-After: 0" is taken at its word.
      const wait = retryAfter === null && reset === null ? 1 : Math.max(retryAfter ?? 0, reset ?? 0);
      if (wait === 0) return;
      this.reading = {
        limit: Number.isFinite(limit) ? limit : this.reading.limit,
        remaining: 0,
        until: Math.max(this.reading.throttled ? this.reading.until : 0, now + wait * 1000),
        throttled: true,
      };
      return;
    }
    if (Number.isFinite(limit) && Number.isFinite(remaining) && reset !== null) {
      // A newer reading replaces an older one, but a throttle in force stays until it lifts.
      const held = this.reading;
      if (held.throttled && held.until > now) return;
      const until = now + reset * 1000;
      // Answers arrive out of order (requests at once; inside a batch Graph keeps no order), and within
      // one window what is left only goes down: more left in the same window is an older answer.
      const sameWindow =
        held.until > now && held.limit === limit && Math.abs(until - held.until) <= SAME_WINDOW_MS;
      if (sameWindow && held.remaining !== null && remaining > held.remaining) return;
      this.reading = { limit, remaining, until, throttled: false };
    }
  }

  current(): BudgetReading {
    return this.reading.until > this.now()
      ? this.reading
      : { limit: null, remaining: null, until: 0, throttled: false };
  }

  /** Whether SharePoint is throttling this app, or says no more than the reserve is left this window. */
  low(): boolean {
    const reading = this.current();
    if (reading.throttled) return true;
    if (reading.limit === null || reading.remaining === null) return false;
    return reading.remaining <= reading.limit * this.reserveShare;
  }

  /**
   * 0 while the budget is healthy (no headers, or more than the reserve left); otherwise how long until
   * the window resets or the throttle lifts.
   */
  backgroundDelayMs(): number {
    if (!this.low()) return 0;
    return this.waited(Math.max(0, this.current().until - this.now()));
  }

  private waited(ms: number): number {
    if (ms > 0) this.counts.backgroundWaits += 1;
    return ms;
  }

  /**
   * The Graph client middleware that feeds this budget every top-level answer, a `$batch` envelope's
   * included; it goes next to the wire, after retries.
   */
  middleware(): Middleware {
    return new BudgetStep(this);
  }

  /**
   * What every batch the app sends is run with, so each answer inside it reaches this budget too:
   * SharePoint throttles, and reports its budget in, the requests inside a `$batch` one by one.
   */
  batchOptions(): BatchOptions {
    return { onResponse: (status, headers) => this.observe(status, headers) };
  }
}

class BudgetStep implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly budget: GraphBudget) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('BudgetStep is the last middleware; it must not be');
    await this.next.execute(context);
    const response = context.response;
    if (response) this.budget.observe(response.status, response.headers);
  }
}
