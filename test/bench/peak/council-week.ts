/**
 * The peak the bench models: a 100-officer council in the last week before its plans go in. Officers
 * type in bursts with pauses between (reading, checking figures, a meeting), and the tab saves them by
 * its own autosave policy; people keep the plan dashboards open and come back to them; the management
 * team approve within two minutes; reminders and the outbox run in the background. Deterministic: one
 * seed gives one week.
 */
export interface CouncilWeek {
  readonly officers: number;
  readonly plans: number;
  readonly dashboards: number;
  readonly approvers: number;
  /** How long the measured peak lasts. */
  readonly seconds: number;
  /** Officers start within this long of the start, not all at once. */
  readonly startSpreadSeconds: number;
  /** A burst of typing, and the pause after it. */
  readonly burstSeconds: readonly [number, number];
  readonly pauseSeconds: readonly [number, number];
  /** Between keys while typing; a longer hesitation now and then. */
  readonly keyMs: number;
  readonly hesitationMs: readonly [number, number];
  readonly hesitationShare: number;
  /** Of pauses, how many leave the editor (another tab, another app): a save on blur. */
  readonly leaveShare: number;
  /** How often someone with a dashboard open comes back to it (reloads it). */
  readonly dashboardEverySeconds: readonly [number, number];
  /** The management team approve within this long of the start. */
  readonly approvalWindowSeconds: number;
}

export const LAST_WEEK: CouncilWeek = {
  officers: 100,
  plans: 4,
  dashboards: 50,
  approvers: 12,
  seconds: 120,
  startSpreadSeconds: 30,
  burstSeconds: [15, 45],
  pauseSeconds: [30, 150],
  keyMs: 250,
  hesitationMs: [800, 2_500],
  hesitationShare: 0.05,
  leaveShare: 0.3,
  dashboardEverySeconds: [20, 60],
  approvalWindowSeconds: 120,
};

/** Mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const between = (rand: () => number, [low, high]: readonly [number, number]): number =>
  low + (high - low) * rand();

/** One officer's keystrokes and pauses, as times in milliseconds from the start of the peak. */
export interface Activity {
  /** A change to the section's text. */
  readonly keys: readonly number[];
  /** The officer leaves the editor (blur): the tab saves as soon as its interval allows. */
  readonly leaves: readonly number[];
}

export function officerActivity(week: CouncilWeek, rand: () => number): Activity {
  const end = week.seconds * 1000;
  const keys: number[] = [];
  const leaves: number[] = [];
  let t = rand() * week.startSpreadSeconds * 1000;
  while (t < end) {
    const burstEnd = t + between(rand, week.burstSeconds) * 1000;
    while (t < burstEnd && t < end) {
      keys.push(t);
      t += rand() < week.hesitationShare ? between(rand, week.hesitationMs) : week.keyMs;
    }
    if (rand() < week.leaveShare) leaves.push(t);
    t += between(rand, week.pauseSeconds) * 1000;
  }
  return { keys, leaves };
}
