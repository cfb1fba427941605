/**
 * A dialog that opens without a Fluent DialogTrigger (mounted when state says so) does not know where
 * focus came from, so Esc or Cancel left it on the page body. This remembers the element that had focus
 * when the dialog appeared and gives focus back to it when the dialog goes, or to the page's heading if
 * that element has gone meanwhile.
 */
import { useEffect, useState } from 'react';

export function useRestoreFocus(): void {
  const [opener] = useState<Element | null>(() =>
    typeof document === 'undefined' ? null : document.activeElement,
  );
  useEffect(
    () => () => {
      // After the dialog's own exit has run: only act when focus was dropped.
      setTimeout(() => {
        const now = document.activeElement;
        if (now && now !== document.body) return;
        const target =
          opener instanceof HTMLElement && opener.isConnected && opener !== document.body
            ? opener
            : document.querySelector<HTMLElement>('main h1');
        if (target && target.tagName === 'H1' && !target.hasAttribute('tabindex')) target.tabIndex = -1;
        target?.focus();
      }, 0);
    },
    [opener],
  );
}
