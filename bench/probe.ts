// In-page probes, kept as JavaScript source text: Playwright sends them to the page as they are,
// and a TypeScript loader's helpers (esbuild's __name) must not leak into them.

/**
 * Init script, run before any of the page's scripts. Records in `window.__bench` (ms since
 * navigation start): `firstText` and `firstChart`, the frames where the first text and the first
 * chart were on screen, and `settled`, the moment the last cell settled (the last time the page
 * went from a cell pending or running to none, the notebook having started).
 */
export const probeScript = `
(() => {
  const marks = (window.__bench = {});
  const painted = (name) => {
    if (name in marks) return;
    marks[name] = -1;
    requestAnimationFrame(() => (marks[name] = performance.now()));
  };
  const busy = () => document.querySelector('.mapt-cell[data-status="pending"], .mapt-cell[data-status="running"]');
  new MutationObserver(() => {
    if (!("firstText" in marks) && document.querySelector(".mapt-cell-output p, .mapt-cell-output h1, body > h1")) painted("firstText");
    if (!("firstChart" in marks) && document.querySelector(".mapt-cell-output svg, #chart svg")) painted("firstChart");
    const started = document.documentElement.dataset.maptReady === "true";
    if (started && !busy()) {
      if (marks.busy !== false) marks.settled = performance.now();
      marks.busy = false;
    } else if (started) marks.busy = true;
  }).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-status", "data-mapt-ready"]});
})();
`;

/** What {@link listInputsScript} finds: one input a reader can change. */
export interface InputTarget {
  /** The cell showing it. */
  cell: string;
  /** Its index among the changeable inputs of that cell. */
  index: number;
  kind: "range" | "select" | "checkbox" | "radio";
  /** Its label, for the report. */
  label: string;
}

const INPUTS_SELECTOR = `input[type=range], select, input[type=checkbox], input[type=radio]`;

/** Expression listing the inputs of the page's cells (Observable Inputs and plain elements). */
export const listInputsScript = `
[...document.querySelectorAll(".mapt-cell")].flatMap((cell) => {
  // A table's row checkboxes select rows; they are not one of the notebook's inputs.
  const inputs = [...cell.querySelectorAll(".mapt-cell-output :is(${INPUTS_SELECTOR})")].filter((input) => !input.closest("table"));
  // Radios and checkboxes of one group are one input.
  const seen = new Set();
  return inputs.flatMap((input, index) => {
    const group = input.type === "radio" || input.type === "checkbox" ? input.name || index : index;
    if (seen.has(group)) return [];
    seen.add(group);
    const label = input.closest("form")?.querySelector("label")?.textContent?.trim() || input.getAttribute("aria-label") || input.name || "";
    const kind = input.tagName === "SELECT" ? "select" : input.type;
    return [{cell: cell.id, index, kind, label: label.slice(0, 40)}];
  });
})
`;

/**
 * Expression that scrolls one input to the middle of the viewport and resolves two frames later,
 * as a reader sees an input they change (the browser may draw less of what is far off screen).
 */
export function scrollToInputScript(target: InputTarget): string {
  return `new Promise((resolve) => {
    const cell = document.getElementById(${JSON.stringify(target.cell)});
    const input = [...cell.querySelectorAll(".mapt-cell-output :is(${INPUTS_SELECTOR})")].filter((input) => !input.closest("table"))[${target.index}];
    input.scrollIntoView({block: "center"});
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)));
  })`;
}

/**
 * Expression that makes change number `step` to one input (a new value each time) and resolves
 * with the ms from the change to the frame after the last output it caused was drawn, once every
 * cell has settled again; `null` if nothing changed within 5 s.
 */
export function changeInputScript(target: InputTarget, step: number): string {
  return `new Promise((resolve) => {
    const cell = document.getElementById(${JSON.stringify(target.cell)});
    const input = [...cell.querySelectorAll(".mapt-cell-output :is(${INPUTS_SELECTOR})")].filter((input) => !input.closest("table"))[${target.index}];
    const root = document.getElementById("mapt-notebook");
    const busy = () => root.querySelector('.mapt-cell[data-status="pending"], .mapt-cell[data-status="running"]');
    let changed = false;
    let drawn = 0;
    let quiet = 0;
    const observer = new MutationObserver((records) => {
      if (!records.some((r) => !cell.contains(r.target))) return;
      changed = true;
      quiet = 0;
      requestAnimationFrame(() => (drawn = performance.now()));
    });
    observer.observe(root, {childList: true, subtree: true, characterData: true, attributes: true});
    const start = performance.now();
    const check = () => {
      if (performance.now() - start > 5000) return finish(changed && drawn > 0 ? drawn - start : null);
      if (changed && drawn > 0 && !busy() && ++quiet >= 3) return finish(drawn - start);
      requestAnimationFrame(check);
    };
    const finish = (value) => { observer.disconnect(); resolve(value); };
    const step = ${step};
    if (input.type === "range") {
      const min = Number(input.min || 0), max = Number(input.max || 100), by = Number(input.step) || (max - min) / 100;
      const count = Math.max(1, Math.round((max - min) / by));
      // Spread over the range, and never the value it has (which would change nothing).
      let at = Math.round(((0.3 + step * 0.37) % 1) * count);
      if (Math.abs(min + at * by - Number(input.value)) < by / 2) at = at === count ? at - 1 : at + 1;
      const value = min + at * by;
      input.value = String(value);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    } else if (input.tagName === "SELECT") {
      input.selectedIndex = (input.selectedIndex + 1) % input.options.length;
      input.dispatchEvent(new Event("input", {bubbles: true}));
      input.dispatchEvent(new Event("change", {bubbles: true}));
    } else if (input.type === "radio") {
      const group = [...cell.querySelectorAll('.mapt-cell-output input[type=radio]')].filter((r) => r.name === input.name);
      const next = group[(group.findIndex((r) => r.checked) + 1) % group.length];
      next.click();
    } else {
      input.click();
    }
    requestAnimationFrame(check);
  })`;
}
