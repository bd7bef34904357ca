/**
 * Moves focus to the heading of the page just shown, so keyboard and screen-reader users land on the
 * new content instead of <body>. Detail pages load first, so this waits (briefly) for the heading.
 */
export function focusPageHeading(root: HTMLElement, timeoutMs = 3000): () => void {
  const tryFocus = (): boolean => {
    const h = root.querySelector<HTMLElement>('h1');
    if (!h) return false;
    if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: false });
    return true;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), timeoutMs);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(root, { childList: true, subtree: true });
  return stop;
}
