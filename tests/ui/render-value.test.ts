// @vitest-environment happy-dom
import {Inspector} from "@observablehq/inspector";
import {describe, expect, it} from "vitest";
import {inspectPrimitive, renderValue} from "../../src/ui/render-value.ts";

/** The markup Observable's inspector draws for `value` at a cell's top level. */
function inspected(value: unknown): string {
  const container = document.createElement("div");
  new Inspector(container).fulfilled(value);
  return container.outerHTML;
}

describe("renderValue", () => {
  const primitives: unknown[] = [true, false, undefined, null, 0, -0, 42, -1.5, 1e21, NaN, Infinity, -Infinity, 10n, "", "6", "a line", "with `backtick` and \"quote\"", "${a}${b} \"c\"", "héllo 🙂"];

  it("draws a primitive at once, as the inspector draws it, without loading the inspector", () => {
    for (const value of primitives) {
      const {node, drawn} = renderValue(value);
      expect(drawn, String(value)).toBeUndefined();
      expect((node as HTMLElement).outerHTML, String(value)).toBe(inspected(value));
    }
  });

  it("leaves to the inspector what it shows otherwise: strings with quotes or line breaks, objects, dates, functions, symbols", async () => {
    const others: unknown[] = ['say "hi"', '${x} and "y"', "two\nlines", {a: 1}, [1, 2], new Date(0), () => 1, Symbol("s"), /re/];
    for (const value of others) expect(inspectPrimitive(value, document), String(value)).toBeUndefined();
    const {node, drawn} = renderValue('say "hi"');
    expect(drawn).toBeInstanceOf(Promise);
    await drawn;
    expect((node as HTMLElement).outerHTML).toBe(inspected('say "hi"'));
  });
});
