import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import type {DuckDBClient} from "../../src/data/index.ts";
import {createBuiltins} from "../../src/stdlib/index.ts";

/** A page with a dark theme (midnight) and one that follows the reader (auto), for a reader preferring `preference`. */
function page(preference: "light" | "dark"): Document {
  const window = new Window({settings: {device: {prefersColorScheme: preference}}});
  const style = window.document.createElement("style");
  style.textContent = `body[data-theme="air"] { color-scheme: light; } body[data-theme="midnight"] { color-scheme: dark; } body[data-theme="auto"] { color-scheme: light dark; }`;
  window.document.head.append(style);
  return window.document as unknown as Document;
}

function builtins(document: Document) {
  return createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>, document});
}

describe("dark", () => {
  it("dark is true on a dark theme and false on a light one, whatever the reader prefers", async () => {
    for (const [preference, theme, expected] of [["dark", "air", false], ["light", "midnight", true]] as const) {
      const document = page(preference);
      document.body.dataset.theme = theme;
      const dark = builtins(document).dark() as AsyncGenerator<boolean, void>;
      expect((await dark.next()).value, `${theme} for a reader preferring ${preference}`).toBe(expected);
      await dark.return();
    }
  });

  it("dark follows the reader's preference when the theme allows both", async () => {
    for (const preference of ["light", "dark"] as const) {
      const document = page(preference);
      document.body.dataset.theme = "auto";
      const dark = builtins(document).dark() as AsyncGenerator<boolean, void>;
      expect((await dark.next()).value).toBe(preference === "dark");
      await dark.return();
    }
  });

  it("Generators.dark yields again when the page's theme changes", async () => {
    const document = page("light");
    document.body.dataset.theme = "air";
    const Generators = (await builtins(document).Generators()) as {dark(): AsyncGenerator<boolean, void>};
    const dark = Generators.dark();
    expect((await dark.next()).value).toBe(false);
    document.body.dataset.theme = "midnight";
    expect((await dark.next()).value).toBe(true);
    await dark.return();
  });
});
