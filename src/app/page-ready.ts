/**
 * Resolves once the reader has defined the page's cells (after a link's input values are in
 * place) and they have settled: Edit mode's session, started before, would have its cells
 * replaced by them.
 */
export function pageReady(): Promise<void> {
  const root = document.documentElement;
  // Defined and settled, as a reader's page is when its reader clicks Edit; not longer than 30 s.
  const settled = () =>
    root.dataset.maptReady === "true" && !document.querySelector('.mapt-cell[data-status="pending"], .mapt-cell[data-status="running"]');
  const deadline = Date.now() + 30_000;
  return new Promise((resolve) => {
    const check = () => (settled() || Date.now() > deadline ? resolve() : setTimeout(check, 50));
    check();
  });
}
