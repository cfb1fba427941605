/**
 * Fault injection for tests: rules that answer 429/503/504 or add latency to matching requests (top level,
 * inside `$batch`, or the batch envelope), decided with an injectable random source.
 */
export interface FaultRule {
  /** e.g. 'POST'; default any. */
  method?: string;
  /** Matched against the decoded path after /v1.0 (no query); default any. */
  path?: RegExp;
  /** The fault answer; without it the rule only adds latency. */
  status?: 429 | 503 | 504;
  /** 0..1, the fraction of matching requests that get the fault. */
  share: number;
  /** Default 0 for 429/503; a 504 carries Retry-After only when this is set. */
  retryAfterSeconds?: number;
  /** Added delay for every matching request, fault or not. */
  latencyMs?: number;
  /** Do the work, then answer the fault status (a gateway timeout after the write happened). */
  afterCommit?: boolean;
  /**
   * Requests inside a `$batch`: true (the default) applies the rule to them too, false leaves them out,
   * 'only' applies it to them alone (not to top-level requests), as SharePoint throttles a batch's
   * requests one by one.
   */
  inBatch?: boolean | 'only';
}

/** top: an ordinary request; inner: a request inside $batch; envelope: the $batch request itself. */
export type RequestKind = 'top' | 'inner' | 'envelope';

export interface InjectedFault {
  readonly status: 429 | 503 | 504;
  readonly retryAfterSeconds: number | undefined;
  readonly afterCommit: boolean;
}

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault?: InjectedFault;
}

export class Faults {
  private rules: readonly FaultRule[] = [];

  constructor(private readonly random: () => number) {}

  set(rules: readonly FaultRule[]): void {
    for (const r of rules) {
      if (!(r.share >= 0 && r.share <= 1))
        throw new RangeError(`FaultRule.share must be within 0..1, got ${r.share}`);
    }
    this.rules = [...rules];
  }

  clear(): void {
    this.rules = [];
  }

  private matches(rule: FaultRule, method: string, path: string, kind: RequestKind): boolean {
    if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
    if (kind === 'inner' && rule.inBatch === false) return false;
    if (kind !== 'inner' && rule.inBatch === 'only') return false;
    // A rule without a path targets real operations; only an explicit path can fault the $batch envelope.
    if (kind === 'envelope' && rule.path === undefined) return false;
    if (rule.path !== undefined) {
      rule.path.lastIndex = 0;
      if (!rule.path.test(path)) return false;
    }
    return true;
  }

  decide(method: string, path: string, kind: RequestKind): FaultDecision {
    let latencyMs = 0;
    let fault: InjectedFault | undefined;
    for (const rule of this.rules) {
      if (!this.matches(rule, method, path, kind)) continue;
      latencyMs += rule.latencyMs ?? 0;
      if (fault !== undefined || rule.status === undefined) continue;
      // Shares of exactly 0 or 1 draw nothing, so deterministic random sequences stay aligned with intent.
      const hit = rule.share >= 1 ? true : rule.share <= 0 ? false : this.random() < rule.share;
      if (hit) {
        fault = {
          status: rule.status,
          retryAfterSeconds: rule.retryAfterSeconds ?? (rule.status === 504 ? undefined : 0),
          afterCommit: rule.afterCommit === true,
        };
      }
    }
    return fault === undefined ? { latencyMs } : { latencyMs, fault };
  }
}
