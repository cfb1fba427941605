/**
 * When the section editor saves: once typing has paused for a few seconds, at once when the editor
 * loses focus, and after the interval even if typing never pauses, but never twice within the interval
 * (N seconds from the server's configuration), because SharePoint charges every save against the
 * council's budget. Pure, so the tab and the bench's model of a council's writers share it.
 */
export interface AutosaveTiming {
  /** Save once typing has paused this long. */
  readonly pauseMs: number;
  /** At most one save per this long. */
  readonly minIntervalMs: number;
}

export const DEFAULT_TIMING: AutosaveTiming = { pauseMs: 3_000, minIntervalMs: 10_000 };

export interface AutosaveClock {
  /** When the last save was sent (-Infinity before the first). */
  readonly lastSaveAt: number;
  /** When the oldest change not yet saved was made, if any. */
  readonly dirtySince: number | null;
  /** When the latest change was made. */
  readonly lastChangeAt: number;
}

/** When the next save may go, given what is unsaved; `pauseMs` 0 means as soon as allowed (blur, leave). */
export function nextSaveAt(clock: AutosaveClock, timing: AutosaveTiming, pauseMs = timing.pauseMs): number {
  const afterPause = clock.lastChangeAt + pauseMs;
  const atLatest = (clock.dirtySince ?? clock.lastChangeAt) + timing.minIntervalMs;
  return Math.max(clock.lastSaveAt + timing.minIntervalMs, Math.min(afterPause, atLatest));
}
