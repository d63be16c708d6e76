import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import type {DuckDBClient} from "../../src/data/index.ts";
import {createBuiltins} from "../../src/stdlib/index.ts";

const window = new Window();
const document = window.document as unknown as Document;
type Tag = (strings: TemplateStringsArray, ...values: unknown[]) => SVGSVGElement;

async function dot(): Promise<Tag> {
  return (await createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>, document}).dot()) as Tag;
}

describe("dot", () => {
  it("dot draws a Graphviz graph as SVG, a node and label per name, interpolated values as DOT text", async () => {
    const tag = await dot();
    const actor = "UN Security Council";
    const svg = tag`digraph { "Early warning" -> "${actor}" [label="referral"] }`;
    expect(svg.localName).toBe("svg");
    expect(Array.from(svg.querySelectorAll("g.node text"), (t) => t.textContent)).toEqual(["Early warning", "UN Security Council"]);
    expect(svg.querySelector("g.edge text")?.textContent).toBe("referral");
  });

  it("dot draws default lines and text in the page's text colour (currentColor), keeping colours the graph sets", async () => {
    const svg = (await dot())`digraph { a -> b; c [color=red] }`;
    const strokes = Array.from(svg.querySelectorAll("g.node ellipse"), (e) => e.getAttribute("stroke"));
    expect(strokes).toEqual(["currentColor", "currentColor", "red"]);
    expect(svg.querySelector("g.edge path")?.getAttribute("stroke")).toBe("currentColor");
    expect(svg.querySelector("g.node text")?.getAttribute("fill")).toBe("currentColor");
  });

  it("dot keeps DOT escapes such as \\n in labels (the tag reads the raw text)", async () => {
    const svg = (await dot())`digraph { a [label="first\nsecond"] }`;
    expect(Array.from(svg.querySelectorAll("g.node text"), (t) => t.textContent)).toEqual(["first", "second"]);
  });

  it("dot throws Graphviz's message, with its line, for a DOT syntax error", async () => {
    const tag = await dot();
    expect(
      () => tag`digraph {
  a ->
}`
    ).toThrow(/^dot: .*syntax error in line 3/);
  });
});

describe("require and topojson", () => {
  const builtins = createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>, document});

  it("require resolves bundled packages, versioned or not, and merges several into one object", async () => {
    const require = (await builtins.require()) as (...names: string[]) => Promise<Record<string, unknown>>;
    expect(typeof (await require("d3@7")).scaleLinear).toBe("function");
    const merged = await require("d3-array", "topojson-client");
    expect([typeof merged.extent, typeof merged.feature]).toEqual(["function", "function"]);
  });

  it("require rejects a package that is not bundled, naming it and saying nothing is fetched", async () => {
    const require = (await builtins.require()) as (name: string) => Promise<unknown>;
    await expect(require("left-pad@1")).rejects.toThrow(/^require\("left-pad@1"\): the package left-pad is not bundled with MAPT Notebooks, and nothing is fetched from the network: install it in the notebook's project \(npm install left-pad\) and build again\. Bundled packages: d3, /);
  });

  it("topojson turns a TopoJSON topology into GeoJSON features", async () => {
    const topojson = (await builtins.topojson()) as typeof import("topojson-client");
    const topology = {
      type: "Topology" as const,
      arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      objects: {regions: {type: "GeometryCollection" as const, geometries: [{type: "Polygon" as const, arcs: [[0]], properties: {name: "Rift Valley"}}]}}
    };
    const regions = topojson.feature(topology as never, topology.objects.regions as never) as unknown as {features: Array<{properties: unknown; geometry: {coordinates: unknown}}>};
    expect(regions.features.map((f) => [f.properties, f.geometry.coordinates])).toEqual([[{name: "Rift Valley"}, [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]]]);
  });

  it("__import resolves npm:topojson-client and npm:topojson-simplify to the bundled packages", async () => {
    const load = (await builtins.__import()) as (specifier: string) => Promise<Record<string, unknown>>;
    expect(typeof (await load("npm:topojson-client@3")).mesh).toBe("function");
    expect(typeof (await load("npm:topojson-simplify")).presimplify).toBe("function");
  });
});
