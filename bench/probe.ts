/**
 * Runs in the page before any of its scripts (Playwright init script): records when the first
 * text and the first chart were on screen, in ms since navigation start.
 * Kept free of imports: its source is sent to the browser as it is.
 */
export function installProbe(): void {
  const marks: Record<string, number> = {};
  (window as unknown as {__bench: Record<string, number>}).__bench = marks;
  const painted = (name: string) => {
    if (name in marks) return;
    marks[name] = -1;
    requestAnimationFrame(() => (marks[name] = performance.now()));
  };
  new MutationObserver(() => {
    if (!("firstText" in marks) && document.querySelector(".mapt-cell-output p, .mapt-cell-output h1, body > h1")) painted("firstText");
    if (!("firstChart" in marks) && document.querySelector(".mapt-cell-output svg, #chart svg")) painted("firstChart");
  }).observe(document, {childList: true, subtree: true});
}

/** In the page: changes the benchmark's slider and resolves when the chart was redrawn. */
export function inputToChart(value: number): Promise<number> {
  const input = document.querySelector<HTMLInputElement>("#cell-3 input[type=range]")!;
  const output = document.querySelector("#cell-5 .mapt-cell-output")!;
  const before = output.querySelector("svg");
  return new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const svg = output.querySelector("svg");
      if (!svg || svg === before) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    observer.observe(output, {childList: true, subtree: true});
    input.value = String(value);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });
}
