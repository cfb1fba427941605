/**
 * Nothing typed is lost by leaving a view: every form that holds unsaved text registers here while it
 * does, and moving to another view (a link, the browser's Back, closing or reloading the page) asks first.
 * Code that navigates after a save (`navigate`) is not asked: it moves on because the work was saved.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface UnsavedWork {
  /** What holds the text, in the person's words: “Theme 1: Transformation”, “the progress summary”. */
  readonly label: string;
  /** Saves it now; resolves true when nothing is left unsaved. */
  readonly save?: () => Promise<boolean>;
}

const unsaved = new Map<symbol, UnsavedWork>();
let pendingTarget: string | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function unsavedWork(): UnsavedWork[] {
  return [...unsaved.values()];
}

/** Registers the caller's unsaved work while `dirty` is true. */
export function useUnsavedWork(dirty: boolean, label: string, save?: () => Promise<boolean>): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!dirty) return;
    const key = Symbol(label);
    unsaved.set(key, { label, ...(save ? { save: () => saveRef.current!() } : {}) });
    notify();
    return () => {
      unsaved.delete(key);
      notify();
    };
    // `save` is read through the ref: only whether there is one matters here.
  }, [dirty, label, save !== undefined]);
}

/** Where the person asked to go while work was unsaved, until they choose (null: not asking). */
export function usePendingLeave(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pendingTarget,
  );
}

/** Whether moving to `target` must ask first; if so, the question is put. */
export function askBeforeLeaving(target: string): boolean {
  if (unsaved.size === 0) return false;
  pendingTarget = target;
  notify();
  return true;
}

export function stopAsking(): void {
  pendingTarget = null;
  notify();
}

/** For tests of the guard itself. */
export function clearUnsavedWork(): void {
  unsaved.clear();
  pendingTarget = null;
  notify();
}
