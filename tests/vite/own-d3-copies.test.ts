import {createRequire} from "node:module";
import type {Plugin} from "vite";
import {describe, expect, it} from "vitest";
import {isOwnD3Copy, ownD3Copies} from "../../src/vite/own-d3-copies.ts";

const require = createRequire(import.meta.url);
const vegaScale = require.resolve("vega-scale");
const plot = require.resolve("@observablehq/plot");

/** What the plugin resolves `source` imported by `importer` to; `this.resolve` finds the installed file, as Vite would. */
async function resolved(source: string, importer: string | undefined): Promise<{id: string} | null | undefined> {
  const plugin = ownD3Copies() as Plugin & {resolveId: (this: unknown, source: string, importer?: string, options?: object) => Promise<{id: string} | null | undefined>};
  const context = {resolve: async (s: string, from: string) => ({id: createRequire(from).resolve(s)})};
  return plugin.resolveId.call(context, source, importer, {});
}

describe("ownD3Copies", () => {
  it("gives Vega's packages copies of D3's modules, apart from the shared D3 chunks", async () => {
    const scale = await resolved("d3-scale", vegaScale);
    expect(scale?.id).toContain("d3-scale");
    expect(isOwnD3Copy(scale!.id)).toBe(true);
    // The copy's own D3 imports are copies too; what is not D3 stays shared.
    const interpolate = await resolved("d3-interpolate", scale!.id);
    expect(isOwnD3Copy(interpolate!.id)).toBe(true);
    const array = await resolved("d3-array", vegaScale);
    expect(isOwnD3Copy((await resolved("internmap", array!.id))!.id)).toBe(false);
  });

  it("leaves Plot's and the app's D3 imports to the shared chunks", async () => {
    expect(await resolved("d3-scale", plot)).toBeUndefined();
    expect(await resolved("d3-scale", undefined)).toBeUndefined();
    expect(await resolved("vega-util", vegaScale)).toBeUndefined();
  });
});
