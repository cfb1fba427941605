/**
 * What callers cost, for tests and benchmarks: HTTP requests, requests inside batches, resource units and
 * calls per route.
 */
export interface StatsSnapshot {
  requests: number;
  batchedRequests: number;
  resourceUnits: number;
  byRoute: Record<string, number>;
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

  countHttpRequest(): void {
    this.requests++;
  }

  countBatchedRequest(): void {
    this.batchedRequests++;
  }

  charge(routeKey: string, ru: number): void {
    this.resourceUnits += ru;
    this.byRoute.set(routeKey, (this.byRoute.get(routeKey) ?? 0) + 1);
  }

  snapshot(): StatsSnapshot {
    return {
      requests: this.requests,
      batchedRequests: this.batchedRequests,
      resourceUnits: this.resourceUnits,
      byRoute: Object.fromEntries(this.byRoute),
    };
  }

  reset(): void {
    this.requests = 0;
    this.batchedRequests = 0;
    this.resourceUnits = 0;
    this.byRoute = new Map();
  }
}
