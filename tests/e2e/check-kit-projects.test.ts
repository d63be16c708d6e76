import path from "node:path";
import {describe, expect, it} from "vitest";
import {checkNotebooks, formatCheckReport} from "../../src/cli/index.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = (...parts: string[]) => path.join(import.meta.dirname, "fixtures", ...parts);

describe("mapt check on what Notebook Kit projects rely on", () => {
  it("checkNotebooks lays a notebook out in its project's page template, serves site-root addresses from the project's site, runs WebGPU, and loads x.ts for ./x.js", async () => {
    const herons = fixture("kit-site", "docs", "guides", "herons.html");
    const plain = fixture("kit-missing", "docs", "plain.html");
    const unbuilt = fixture("kit-unbuilt", "docs", "unbuilt.html");
    const results = await checkNotebooks({root, files: [herons, plain, fixture("webgpu.html"), fixture("typescript-imports.html"), unbuilt]});
    const [templated, missing, webgpu, typescript, library] = results;
    // The template's globals (an inline script and a module at a site-root address), its banner
    // and its icon, a picture and a fetch at site-root addresses: all there, nothing 404.
    expect(templated, "the template's globals, banner and site-root files load").toMatchObject({failures: [], pageErrors: [], cells: 4});
    expect(missing!.failures).toEqual([]);
    expect(missing!.pageErrors).toEqual([expect.stringMatching(/^the page template .*kit-missing\/docs\/gone\.tmpl \(named by package\.json script "docs"\) does not exist/)]);
    expect(webgpu, "a compute shader runs on the software adapter").toMatchObject({failures: [], pageErrors: [], cells: 2});
    expect(typescript, "./lib/pipeline.js loads lib/pipeline.ts, which imports ./scale.js as scale.ts").toMatchObject({failures: [], pageErrors: [], cells: 1});
    // A library the template loads from a site-root address that the project has not built: the file is named.
    expect(library!.failures).toEqual([{cell: 1, mode: "js", error: expect.stringContaining("birds is not defined")}]);
    expect(library!.pageErrors).toEqual([expect.stringMatching(/^not found \(404\): dist\/birds\.js \(a site-root address: looked for .*kit-unbuilt\/docs\/dist\/birds\.js, which does not exist/)]);
    expect(formatCheckReport(results).split("\n").at(-1)).toBe("3 notebooks passed, 2 failed");
  }, 400_000);

  it("checkNotebooks with an explicit template that does not exist stops before building, naming the file", async () => {
    await expect(checkNotebooks({root, files: [fixture("webgpu.html")], template: fixture("nowhere.tmpl")})).rejects.toThrow(/no such page template \(--template\): .*nowhere\.tmpl/);
  });
});
