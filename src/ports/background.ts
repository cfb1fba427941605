/**
 * How much room SharePoint's budget leaves for work nobody is waiting for (reminders, outbox sweeps,
 * freezing documents): that work asks first and waits, so people's clicks and saves keep the rest.
 */
export interface BackgroundGate {
  /** Milliseconds background work should wait before its next Graph request; 0 means go now. */
  backgroundDelayMs(): number;
}

/** A gate that never holds anything back. */
export const openGate: BackgroundGate = { backgroundDelayMs: () => 0 };
