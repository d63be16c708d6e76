import {Window} from "happy-dom";
import {resolveObjectURL} from "node:buffer";
import {describe, expect, it} from "vitest";
import type {DuckDBClient} from "../../src/data/index.ts";
import {createBuiltins, type Dom} from "../../src/stdlib/index.ts";

const window = new Window({url: "https://notebooks.example/kenya.html"});
const document = window.document as unknown as Document;

async function DOM(): Promise<Dom> {
  const builtins = createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>, document});
  return (await builtins.DOM()) as Dom;
}

describe("DOM", () => {
  it("DOM.uid gives a new id each time, referring to it by the page's URL", async () => {
    const {uid} = await DOM();
    const a = uid("clip");
    const b = uid("clip");
    expect(a.id).toMatch(/^O-clip-\d+$/);
    expect(b.id).not.toBe(a.id);
    expect(a.href).toBe(`https://notebooks.example/kenya.html#${a.id}`);
    expect(`${a}`).toBe(`url(https://notebooks.example/kenya.html#${a.id})`);
  });

  it("DOM.svg and DOM.canvas make elements of the given size", async () => {
    const {svg, canvas} = await DOM();
    const chart = svg(640, 400);
    expect([chart.namespaceURI, chart.getAttribute("viewBox"), chart.getAttribute("width"), chart.getAttribute("height")]).toEqual([
      "http://www.w3.org/2000/svg",
      "0 0 640 400",
      "640",
      "400"
    ]);
    const pixels = canvas(300, 150);
    expect([pixels.tagName, pixels.width, pixels.height]).toEqual(["CANVAS", 300, 150]);
  });

  it("DOM.element creates prefixed names and attributes in their namespace", async () => {
    const {element} = await DOM();
    const use = element("svg:use", {"xlink:href": "#marker", class: "arrow"});
    expect([use.namespaceURI, use.localName]).toEqual(["http://www.w3.org/2000/svg", "use"]);
    expect([use.getAttributeNS("http://www.w3.org/1999/xlink", "href"), use.getAttribute("class")]).toEqual(["#marker", "arrow"]);
    expect(element("p").namespaceURI).toBe("http://www.w3.org/1999/xhtml");
  });

  it("DOM.input, DOM.range and DOM.select make form controls", async () => {
    const {input, range, select} = await DOM();
    expect(input("date").type).toBe("date");
    const slider = range(1990, 2020, 1);
    expect([slider.type, slider.min, slider.max, slider.step]).toEqual(["range", "1990", "2020", "1"]);
    expect(range(10).step).toBe("any");
    const choice = select(["Kenya", "Syria"]);
    expect(Array.from(choice.options, (o) => [o.value, o.textContent])).toEqual([["Kenya", "Kenya"], ["Syria", "Syria"]]);
  });

  it("DOM.text shows markup as text", async () => {
    const {text} = await DOM();
    const paragraph = document.createElement("p");
    paragraph.append(text("<b>Veto</b>"));
    expect([paragraph.children.length, paragraph.textContent]).toEqual([0, "<b>Veto</b>"]);
  });

  it("DOM.download makes the file on click and downloads it under the given name", async () => {
    const {download} = await DOM();
    const link = download(() => Promise.resolve(new Blob(["year,deaths\n2008,2000\n"], {type: "text/csv"})), "kenya.csv", "Save CSV");
    expect([link.download, link.textContent, link.hasAttribute("href")]).toEqual(["kenya.csv", "Save CSV", false]);
    const downloaded = new Promise<string>((resolve) => link.addEventListener("click", (event) => link.href && (event.preventDefault(), resolve(link.href))));
    link.click();
    const blob = resolveObjectURL(await downloaded);
    expect(await blob?.text()).toBe("year,deaths\n2008,2000\n");
    expect(link.querySelector("button")?.textContent).toBe("Save CSV");
  });
});
