import { useEffect, useState } from 'react';
import { askBeforeLeaving, unsavedWork } from './leave-guard.js';
import { parseRoute, type Route } from './routes.js';

/** Set while the tab itself moves on (after a save, or once the person chose to leave). */
let passing = false;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const changed = () => {
      const target = window.location.hash;
      if (!passing && target !== shown && askBeforeLeaving(target)) {
        // Back, forward or a typed address: stay where the unsaved work is until the person chooses.
        history.replaceState(history.state, '', shown || '#/');
        return;
      }
      passing = false;
      shown = target;
      setRoute(parseRoute(target));
    };
    // A link to another view is held before the browser follows it, so nothing changes until answered.
    const clicked = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (
        !(link instanceof HTMLAnchorElement) ||
        link.target === '_blank' ||
        link.dataset['stay'] !== undefined
      )
        return;
      const href = link.getAttribute('href') ?? '';
      if (!href.startsWith('#') || href === window.location.hash) return;
      if (askBeforeLeaving(href)) event.preventDefault();
    };
    const unloading = (event: BeforeUnloadEvent) => {
      if (unsavedWork().length > 0) event.preventDefault();
    };
    window.addEventListener('hashchange', changed);
    document.addEventListener('click', clicked, true);
    window.addEventListener('beforeunload', unloading);
    return () => {
      window.removeEventListener('hashchange', changed);
      document.removeEventListener('click', clicked, true);
      window.removeEventListener('beforeunload', unloading);
    };
  }, []);
  return route;
}

/** Moves to another view without asking: for the tab's own moves once the work is saved or let go. */
export function navigate(hash: string): void {
  if (window.location.hash === hash) return;
  passing = true;
  window.location.hash = hash;
}
