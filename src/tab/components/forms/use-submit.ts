/**
 * One submit for every form: it checks the fields first (every problem shown at once, nothing sent
 * while any remains), then runs the action with the busy state and keeps the failure to show. A second
 * click while the first is running does nothing.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { FieldProblems } from './field-problems.js';

export interface Submit {
  readonly busy: boolean;
  /** The last failure of the action (shown by the form), or null. */
  readonly error: unknown;
  /** Whether submit has been tried: from then on, field problems are shown as they change. */
  readonly attempted: boolean;
  /** Checks, then runs the action. Usable as a form's onSubmit and as a button's onClick. */
  run(event?: FormEvent | { preventDefault(): void }): Promise<boolean>;
  clearError(): void;
}

export function useSubmit(
  action: () => Promise<unknown>,
  options: { readonly problems?: FieldProblems } = {},
): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempted, setAttempted] = useState(false);
  const running = useRef(false);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const latest = useRef({ action, problems: options.problems });
  latest.current = { action, problems: options.problems };

  const run = useCallback(async (event?: { preventDefault(): void }): Promise<boolean> => {
    event?.preventDefault();
    const target = (event as { currentTarget?: unknown } | undefined)?.currentTarget;
    const scope = target instanceof Element ? target.closest('form, [role="dialog"]') : null;
    if (running.current) return false;
    setAttempted(true);
    const problems = latest.current.problems;
    if (problems && problems.count > 0) {
      problems.focusFirst(scope);
      return false;
    }
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await latest.current.action();
      return true;
    } catch (failure) {
      if (live.current) setError(failure);
      return false;
    } finally {
      running.current = false;
      if (live.current) setBusy(false);
    }
  }, []);

  return { busy, error, attempted, run, clearError: useCallback(() => setError(null), []) };
}
