/** Whether a form holds something the person typed that is not saved: its values differ from the start. */
import { useState } from 'react';

/** The values as the form first showed them (kept for the life of the form). */
export function useInitial<T>(value: T): T {
  const [initial] = useState(value);
  return initial;
}

export function differs(initial: unknown, now: unknown): boolean {
  return JSON.stringify(initial) !== JSON.stringify(now);
}

/** True once the values differ from what the form started with. */
export function useDirty(values: unknown): boolean {
  const initial = useInitial(values);
  return differs(initial, values);
}
