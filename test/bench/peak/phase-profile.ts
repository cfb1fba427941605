/**
 * Where a burst's time goes, measured inside the bench's server child: chosen methods of the server's
 * parts are wrapped to time every call (count, p50, p95, max, most in flight at once, first start and last
 * end relative to the burst's start). Bench only: timed tests never see it.
 */
import { median, percentile } from '../sample-stats.js';

interface Call {
  readonly start: number;
  end: number;
}

export interface PhaseFigures {
  readonly phase: string;
  readonly calls: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly maxInFlight: number;
  readonly firstStartMs: number;
  readonly lastEndMs: number;
}

export class PhaseProfile {
  private readonly calls = new Map<string, Call[]>();
  private origin = performance.now();

  /** Starts counting afresh; times are reported from now. */
  reset(): void {
    this.calls.clear();
    this.origin = performance.now();
  }

  /** Wraps `target[method]` so each call is timed under `phase`. */
  wrap<T extends object>(target: T, method: keyof T & string, phase: string): void {
    const original = target[method] as unknown;
    if (typeof original !== 'function') throw new Error(`${phase}: ${method} is not a method`);
    const record = (call: Call): void => {
      const list = this.calls.get(phase) ?? [];
      list.push(call);
      this.calls.set(phase, list);
    };
    (target as Record<string, unknown>)[method] = (...args: unknown[]): unknown => {
      const call: Call = { start: performance.now(), end: Number.NaN };
      record(call);
      const result = (original as (...a: unknown[]) => unknown).apply(target, args);
      if (result instanceof Promise)
        return result.finally(() => {
          call.end = performance.now();
        });
      call.end = performance.now();
      return result;
    };
  }

  figures(): PhaseFigures[] {
    return [...this.calls].map(([phase, calls]) => {
      const done = calls.filter((c) => !Number.isNaN(c.end));
      const durations = done.map((c) => c.end - c.start);
      const edges = done.flatMap((c) => [
        { t: c.start, d: 1 },
        { t: c.end, d: -1 },
      ]);
      edges.sort((a, b) => a.t - b.t || a.d - b.d);
      let inFlight = 0;
      let maxInFlight = 0;
      for (const e of edges) maxInFlight = Math.max(maxInFlight, (inFlight += e.d));
      return {
        phase,
        calls: calls.length,
        p50Ms: durations.length ? median(durations) : Number.NaN,
        p95Ms: durations.length ? percentile(durations, 95) : Number.NaN,
        maxMs: durations.length ? Math.max(...durations) : Number.NaN,
        maxInFlight,
        firstStartMs: Math.min(...calls.map((c) => c.start)) - this.origin,
        lastEndMs: Math.max(...done.map((c) => c.end)) - this.origin,
      };
    });
  }
}
