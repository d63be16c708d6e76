import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import type {DuckDBClient} from "../../src/data/index.ts";
import {createBuiltins, type MarkdownTag} from "../../src/stdlib/index.ts";

const window = new Window({url: "https://notebooks.example/kenya.html"});
const document = window.document as unknown as Document;

async function md(): Promise<MarkdownTag> {
  const builtins = createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>, document});
  return (await builtins.md()) as MarkdownTag;
}

const hostile = "<img src=x onerror=alert(1)>";

describe("md", () => {
  it("md inserts a data value as text: markup in it shows as its characters", async () => {
    const tag = await md();
    const element = tag`Country: **${hostile}** and ${"**not bold**"}`;
    expect(element.querySelector("img")).toBeNull();
    expect(element.querySelector("strong")!.textContent).toBe(hostile);
    expect(element.textContent).toBe(`Country: ${hostile} and **not bold**\n`);
  });

  it("md keeps a value in its table cell, code span or list item, whatever characters it holds", async () => {
    const tag = await md();
    const element = tag`| a | b |\n|---|---|\n| ${"x | y"} | \`${"<b>"}\` |\n\n- ${"# not a heading"}`;
    expect([...element.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["x | y", "<b>"]);
    expect(element.querySelector("h1")).toBeNull();
    expect(element.querySelector("li")!.textContent).toBe("# not a heading");
  });

  it("md inserts a DOM node as that node", async () => {
    const tag = await md();
    const span = document.createElement("span");
    span.textContent = "chart";
    const element = tag`A ${span} here`;
    expect(element.querySelector("span")).toBe(span);
  });

  it("md puts a value in a link as its URL text, and drops a javascript: URL", async () => {
    const tag = await md();
    expect(tag`[UCDP](${"https://ucdp.uu.se/?a=1&b=2"})`.querySelector("a")!.getAttribute("href")).toBe("https://ucdp.uu.se/?a=1&b=2");
    expect(tag`[x](${"javascript:alert(1)"})`.querySelector("a")!.hasAttribute("href")).toBe(false);
    expect(tag`<a href="${"javascript:alert(1)"}">x</a>`.querySelector("a")!.hasAttribute("href")).toBe(false);
  });

  it("md gives a heading with a value the id of the text it shows", async () => {
    const tag = await md();
    const heading = tag`## Kenya, ${2008}`.querySelector("h2")!;
    expect(heading.id).toBe("kenya-2008");
    expect(heading.querySelector("a.mapt-anchor")!.getAttribute("href")).toBe("#kenya-2008");
  });

  it("md keeps the author's raw HTML but not its script", async () => {
    const tag = await md();
    const element = tag`<span class="flag" onclick="alert(1)">${"⚠"}</span><script>alert(1)</script>`;
    expect(element.querySelector("span.flag")!.getAttribute("onclick")).toBeNull();
    expect(element.querySelector("span.flag")!.textContent).toBe("⚠");
    expect(element.querySelector("script")).toBeNull();
  });
});
