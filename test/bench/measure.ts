/**
 * Times one operation over repetitions and reads what each repetition cost: round trips from the
 * client's RequestCounter, inner $batch requests and resource units from the emulator's stats.
 */
import type { FaultRule } from '../../src/local/emulator/index.js';
import { resetCounter, type TestSite } from '../support/sharepoint.js';

export interface Condition {
  readonly name: string;
  readonly rules: readonly FaultRule[];
}

/**
 * Latency per HTTP round trip: every top-level request and every $batch envelope, but not the requests
 * inside a batch. A rule without a path would delay each inner request too (the emulator runs them one
 * after another), which models server work rather than the network a batch saves trips over.
 */
export function roundTripLatency(ms: number): Condition {
  return {
    name: ms === 0 ? 'none' : `${ms} ms/trip`,
    rules:
      ms === 0
        ? []
        : [
            { share: 0, latencyMs: ms, inBatch: false },
            { share: 0, latencyMs: ms, path: /^\/\$batch$/i },
          ],
  };
}

/** One operation measured under one condition. */
export interface Row {
  readonly operation: string;
  readonly condition: Condition;
  readonly samples: readonly Sample[];
}

export interface Sample {
  readonly ms: number;
  readonly requests: number;
  readonly inner: number;
  readonly resourceUnits: number;
}

/** What one repetition runs against; the counts are read from this site. */
export interface Prepared {
  readonly site: TestSite;
}

export interface Trial<P extends Prepared, T> {
  readonly warmups: number;
  readonly reps: number;
  /** Untimed. Called with the repetition index, warm-ups included. */
  prepare(index: number): Promise<P>;
  run(prepared: P): Promise<T>;
  /** Untimed: throws if the operation did not do what it should. */
  check(value: T, prepared: P): void;
  /** Untimed, after check. */
  release?(prepared: P): Promise<void>;
}

export async function measure<P extends Prepared, T>(
  condition: Condition,
  trial: Trial<P, T>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let index = 0; index < trial.warmups + trial.reps; index++) {
    const prepared = await trial.prepare(index);
    const { site } = prepared;
    try {
      resetCounter(site.counter);
      site.emulator.stats.reset();
      site.emulator.faults.set([...condition.rules]);
      let value: T;
      let ms: number;
      try {
        const start = performance.now();
        value = await trial.run(prepared);
        ms = performance.now() - start;
      } finally {
        site.emulator.faults.clear();
      }
      const stats = site.emulator.stats.snapshot();
      if (stats.requests !== site.counter.requests) {
        throw new Error(
          `The client counted ${site.counter.requests} requests but the emulator saw ${stats.requests}`,
        );
      }
      trial.check(value, prepared);
      if (index >= trial.warmups) {
        samples.push({
          ms,
          requests: site.counter.requests,
          inner: stats.batchedRequests,
          resourceUnits: stats.resourceUnits,
        });
      }
    } finally {
      await trial.release?.(prepared);
    }
  }
  return samples;
}
