// In-page probes, kept as JavaScript source text: Playwright sends them to the page as they are,
// and a TypeScript loader's helpers (esbuild's __name) must not leak into them.

/**
 * Init script, run before any of the page's scripts: records when the first text and the first
 * chart were on screen (ms since navigation start) in `window.__bench`.
 */
export const probeScript = `
(() => {
  const marks = (window.__bench = {});
  const painted = (name) => {
    if (name in marks) return;
    marks[name] = -1;
    requestAnimationFrame(() => (marks[name] = performance.now()));
  };
  new MutationObserver(() => {
    if (!("firstText" in marks) && document.querySelector(".mapt-cell-output p, .mapt-cell-output h1, body > h1")) painted("firstText");
    if (!("firstChart" in marks) && document.querySelector(".mapt-cell-output svg, #chart svg")) painted("firstChart");
  }).observe(document, {childList: true, subtree: true});
})();
`;

/** Expression that changes the benchmark's slider to `value` and resolves with ms until the chart was redrawn. */
export function inputToChartScript(value: number): string {
  return `new Promise((resolve) => {
    const input = document.querySelector("#cell-3 input[type=range]");
    const output = document.querySelector("#cell-5 .mapt-cell-output");
    const before = output.querySelector("svg");
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const svg = output.querySelector("svg");
      if (!svg || svg === before) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    observer.observe(output, {childList: true, subtree: true});
    input.value = String(${JSON.stringify(value)});
    input.dispatchEvent(new Event("input", {bubbles: true}));
  })`;
}
