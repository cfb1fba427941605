/**
 * What callers cost, for tests and benchmarks: HTTP requests, requests inside batches, resource units and
 * calls per route.
 */
export interface StatsSnapshot {
  /** Graph requests over HTTP (a `$batch` is one; pre-authenticated downloads are not Graph requests). */
  requests: number;
  batchedRequests: number;
  /** SharePoint resource units charged, every request inside a `$batch` on its own, throttled or not. */
  resourceUnits: number;
  byRoute: Record<string, number>;
  resourceUnitsByRoute: Record<string, number>;
  /** Requests refused with 429 because their app was past its RU budget. */
  throttledRequests: number;
}

/**
 * Counts what a caller costs: HTTP requests (a $batch is one), requests inside batches, SharePoint
 * resource units (charged per inner request, throttled or not, as SharePoint does) and calls per route.
 */
export class Stats {
  private requests = 0;
  private batchedRequests = 0;
  private resourceUnits = 0;
  private byRoute = new Map<string, number>();
  private ruByRoute = new Map<string, number>();
  private throttled = 0;

  countHttpRequest(): void {
    this.requests++;
  }

  countBatchedRequest(): void {
    this.batchedRequests++;
  }

  charge(routeKey: string, ru: number): void {
    this.resourceUnits += ru;
    this.byRoute.set(routeKey, (this.byRoute.get(routeKey) ?? 0) + 1);
    if (ru > 0) this.ruByRoute.set(routeKey, (this.ruByRoute.get(routeKey) ?? 0) + ru);
  }

  countThrottled(): void {
    this.throttled++;
  }

  snapshot(): StatsSnapshot {
    return {
      requests: this.requests,
      batchedRequests: this.batchedRequests,
      resourceUnits: this.resourceUnits,
      byRoute: Object.fromEntries(this.byRoute),
      resourceUnitsByRoute: Object.fromEntries(this.ruByRoute),
      throttledRequests: this.throttled,
    };
  }

  reset(): void {
    this.requests = 0;
    this.batchedRequests = 0;
    this.resourceUnits = 0;
    this.byRoute = new Map();
    this.ruByRoute = new Map();
    this.throttled = 0;
  }
}
