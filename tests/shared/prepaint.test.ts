import * as Plot from "@observablehq/plot";
import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {cellMarkup, prepaintDecision, prepaintGuardScript, PREPAINT_HOLD_ATTRIBUTE, PREPAINT_MAX_CHARS, withPrepaintedOutputs} from "../../src/shared/index.ts";

/** A real Plot chart (line, color legend, title) as a cell's output shows it, in a DOM a browser would build. */
function plotOutput(): string {
  const window = new Window();
  const data = [
    {year: 2010, value: 3, country: "SYR"},
    {year: 2011, value: 7, country: "SYR"},
    {year: 2010, value: 2, country: "KEN"},
    {year: 2011, value: 4, country: "KEN"}
  ];
  const figure = Plot.plot({
    document: window.document as unknown as Document,
    title: "Refugees & displaced <people>",
    color: {legend: true},
    marks: [Plot.lineY(data, {x: "year", y: "value", stroke: "country"})]
  });
  const output = window.document.createElement("div");
  output.append(figure as unknown as Parameters<typeof output.append>[0]);
  return output.innerHTML;
}

/** The elements and attributes a browser builds from `html`. */
function parse(html: string) {
  const template = new Window().document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

const refusal = (html: string) => {
  const decision = prepaintDecision(html);
  return "refused" in decision ? decision.refused : undefined;
};

describe("prepaintDecision", () => {
  it("prepaintDecision copies a Plot figure with its legend, title and styles as drawn", () => {
    const html = plotOutput();
    const decision = prepaintDecision(html);
    expect(decision).toHaveProperty("markup");
    const copy = parse((decision as {markup: string}).markup);
    const drawn = parse(html);
    expect(copy.querySelectorAll("path").length).toBe(drawn.querySelectorAll("path").length);
    expect(copy.querySelector("figure h2")?.textContent).toBe("Refugees & displaced <people>");
    expect(copy.querySelector("svg style")?.textContent).toBe(drawn.querySelector("svg style")?.textContent);
    expect(copy.querySelector('g[aria-label="line"] path')?.getAttribute("d")).toBe(drawn.querySelector('g[aria-label="line"] path')?.getAttribute("d"));
  });

  it("prepaintDecision refuses outputs that are not charts: text, tables", () => {
    expect(refusal("<p>12 years of data</p>")).toMatch(/not a chart/);
    expect(refusal("<table><tr><td>1</td></tr></table>")).toMatch(/not a chart/);
  });

  it("prepaintDecision refuses charts that take input, play, draw with script or embed a document", () => {
    const svg = '<svg width="10" height="10"><rect width="5" height="5"></rect></svg>';
    expect(refusal(`<form><select><option>Syria</option></select></form>${svg}`)).toMatch(/<form>/);
    expect(refusal(`${svg}<input type="range">`)).toMatch(/<input>/);
    expect(refusal(`${svg}<canvas></canvas>`)).toMatch(/<canvas>/);
    expect(refusal(`${svg}<iframe src="x.html"></iframe>`)).toMatch(/<iframe>/);
    expect(refusal(`${svg}<video src="a.mp4"></video>`)).toMatch(/<video>/);
    expect(refusal(`<svg><script>alert(1)</script></svg>`)).toMatch(/<script>/);
    expect(refusal(`<svg><rect><animate attributeName="x" to="5"></animate></rect></svg>`)).toMatch(/<animate>/);
  });

  it("prepaintDecision refuses event attributes and URLs the page made (blob:, data:) or that run", () => {
    expect(refusal('<svg onload="alert(1)"></svg>')).toMatch(/event attribute \(onload\)/);
    expect(refusal('<svg><image href="blob:http://localhost/1234"></image></svg>')).toMatch(/href is a URL of the page/);
    expect(refusal('<svg><image href="data:image/png;base64,AAAA"></image></svg>')).toMatch(/URL of the page/);
    expect(refusal('<svg><rect style="fill: url(blob:x)"></rect></svg>')).toMatch(/style is a URL of the page/);
    expect(refusal('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>')).toMatch(/URL of the page/);
  });

  it("prepaintDecision refuses an output larger than its limit", () => {
    const big = `<svg>${"<circle r=\"1\"></circle>".repeat(PREPAINT_MAX_CHARS / 20)}</svg>`;
    expect(refusal(big)).toMatch(/more than/);
  });

  it("prepaintDecision strips what its rule lets through but a page must not take from an output", () => {
    const decision = prepaintDecision('<svg><text>a</text></svg><meta http-equiv="refresh" content="0;url=x"><base href="//e.example"><link rel="stylesheet" href="x.css">');
    expect(decision).toEqual({markup: "<svg><text>a</text></svg>"});
  });
});

describe("withPrepaintedOutputs", () => {
  const page = (cells: string) => `<html><head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="script-src 'self'">\n<link rel="stylesheet" href="a.css">\n</head><body><main id="mapt-notebook">${cells}</main></body></html>`;
  const markdown = cellMarkup({id: 1, mode: "md", staticHtml: "<h1>Title</h1>"});
  const chart = cellMarkup({id: 2, mode: "js"});
  const other = cellMarkup({id: 3, mode: "js"});

  it("withPrepaintedOutputs fills the cell's empty output, marked, with the guard script first after the page's policy", () => {
    const {html, cells} = withPrepaintedOutputs(page(markdown + chart + other), new Map([[3, "<svg id=c></svg>"], [2, "<svg id=b></svg>"]]), "prepaint-guard.x.js");
    expect(cells).toEqual([2, 3]);
    const document = new Window().document;
    document.write(html);
    expect(document.querySelector("#cell-2 > .mapt-cell-output[data-mapt-prepainted] > svg#b")).not.toBeNull();
    expect(document.querySelector("#cell-3 > .mapt-cell-output[data-mapt-prepainted] > svg#c")).not.toBeNull();
    expect(document.querySelector("#cell-1 > .mapt-cell-output")!.hasAttribute("data-mapt-prepainted")).toBe(false);
    // In the head, governed by the policy, requested before the stylesheet and anything else.
    const script = document.querySelector('script[src="prepaint-guard.x.js"]')!;
    expect(script.parentElement?.localName).toBe("head");
    expect(script.previousElementSibling?.getAttribute("http-equiv")).toBe("Content-Security-Policy");
    expect(document.querySelectorAll("script").length).toBe(1);
  });

  it("withPrepaintedOutputs leaves a page without such a cell, or with the cell's output already filled, as it is", () => {
    const before = page(markdown + chart);
    expect(withPrepaintedOutputs(before, new Map([[1, "<svg></svg>"], [9, "<svg></svg>"]]), "g.js")).toEqual({html: before, cells: []});
  });
});

describe("prepaintGuardScript", () => {
  /** Runs the guard in a page at `url` whose storage holds `stored`; whether it held the charts. */
  function holds(url: string, stored: Record<string, string> = {}): boolean {
    const window = new Window({url});
    for (const [key, value] of Object.entries(stored)) window.localStorage.setItem(key, value);
    new window.Function(prepaintGuardScript("mapt:running:"))();
    return window.document.documentElement.hasAttribute(PREPAINT_HOLD_ATTRIBUTE);
  }

  it("prepaintGuardScript holds the charts of a page opened with a fragment or after a run that may have stopped, and only those", () => {
    expect(holds("http://localhost/notebooks/a.html")).toBe(false);
    expect(holds("http://localhost/notebooks/a.html#")).toBe(false);
    expect(holds("http://localhost/notebooks/a.html", {"mapt:theme": "dark"})).toBe(false);
    expect(holds("http://localhost/notebooks/a.html#state1/abc")).toBe(true);
    expect(holds("http://localhost/notebooks/a.html", {"mapt:running:/notebooks/a.html": '{"at":1,"cells":[]}'})).toBe(true);
  });
});
