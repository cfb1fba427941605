/**
 * SharePoint's per-app resource-unit budget (the "App 1-minute resource unit" policy): each app, by the
 * caller's app id, gets `perMinute` RU in a one-minute window that starts at its first charged request.
 * Every request is charged, throttled or not, as SharePoint counts them. Once 80 % of the window's budget
 * is used, answers carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the
 * window refills); past the budget the request is refused with 429 and `Retry-After` equal to the reset.
 * Inside a `$batch` each request is charged and answered so on its own; the envelope carries no budget
 * headers.
 */

export const DEFAULT_RU_PER_MINUTE = 1250;
const WINDOW_MS = 60_000;
/** Headers are sent from this share of the budget on, as SharePoint documents. */
const WARN_SHARE = 0.8;

export interface BudgetVerdict {
  /** True when the request is past the budget and must get 429. */
  readonly throttled: boolean;
  /** RateLimit-* (and Retry-After when throttled); empty below 80 %. */
  readonly headers: Readonly<Record<string, string>>;
}

const NONE: BudgetVerdict = { throttled: false, headers: {} };

export class RuBudget {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    readonly perMinute: number,
    private readonly clock: () => number,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1)
      throw new RangeError(
        `The RU budget must be a whole number of RU per minute, at least 1; got ${perMinute}`,
      );
  }

  /** Charges `ru` (> 0: only SharePoint calls are metered) to the app and says whether the request may run, with the headers its answer carries. */
  charge(appId: string, ru: number): BudgetVerdict {
    const now = this.clock();
    let w = this.windows.get(appId);
    if (w === undefined || now - w.start >= WINDOW_MS) {
      w = { start: now, used: 0 };
      this.windows.set(appId, w);
    }
    w.used += ru;
    if (w.used < this.perMinute * WARN_SHARE) return NONE;
    const reset = String(Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)));
    const over = w.used > this.perMinute;
    const headers: Record<string, string> = {
      'RateLimit-Limit': String(this.perMinute),
      'RateLimit-Remaining': String(Math.max(0, this.perMinute - w.used)),
      'RateLimit-Reset': reset,
    };
    if (over) headers['Retry-After'] = reset;
    return { throttled: over, headers };
  }

  reset(): void {
    this.windows.clear();
  }
}
