/**
 * Fluent's dialogs (tabster's modalizer) hide the rest of the page with aria-hidden while open. When a
 * dialog goes away in the same moment as the view that held it (a plan is created, and the tab moves to
 * its dashboard), the attribute can be left behind and the whole tab becomes invisible to screen readers.
 * This watches the root and lifts a leftover aria-hidden once no modal dialog is on the page.
 */
export function guardAgainstStaleAriaHidden(root: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    timer = null;
    const modalOpen =
      document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]') !== null;
    if (!modalOpen && root.getAttribute('aria-hidden') === 'true') root.removeAttribute('aria-hidden');
  };
  const observer = new MutationObserver(() => {
    if (timer) clearTimeout(timer);
    // A dialog that is opening sets the attribute before it is on the page; look again a little later.
    timer = setTimeout(check, 150);
  });
  observer.observe(root, { attributes: true, attributeFilter: ['aria-hidden'] });
  observer.observe(document.body, { childList: true });
  return () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
}
