import {PREPAINT_HOLD_ATTRIBUTE, PREPAINTED_ATTRIBUTE} from "../shared/index.ts";

/**
 * The build's copies of the page's charts (src/shared/prepaint.ts) as they should be: shown
 * (`current`: the page opens as built, so each stays until its cell's first live result
 * replaces it in place) or removed (a share link's values, a stopped run: they would show a
 * state the page is not in). Either way the guard's hold is released.
 */
export function settlePrepainted(main: HTMLElement, current: boolean): void {
  if (!current)
    for (const output of main.querySelectorAll<HTMLElement>(`:scope > .mapt-cell > .mapt-cell-output[${PREPAINTED_ATTRIBUTE}]`)) {
      output.replaceChildren();
      output.removeAttribute(PREPAINTED_ATTRIBUTE);
    }
  main.ownerDocument.documentElement.removeAttribute(PREPAINT_HOLD_ATTRIBUTE);
}
