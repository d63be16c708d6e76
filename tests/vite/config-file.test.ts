import path from "node:path";
import {loadConfigFromFile} from "vite";
import {describe, expect, it} from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

// `npm start` and `npm run build` read vite.config.ts: Vite bundles it with what it imports (the
// app's build plugin, and through it the stdlib's index) and Node runs that bundle. Everything it
// reaches must load in Node: no stylesheet, picture or browser-only library at module level.
describe("vite.config.ts", () => {
  it("loads in Node as npm start and npm run build load it, with the app's plugins", async () => {
    const loaded = await loadConfigFromFile({command: "serve", mode: "development"}, path.join(root, "vite.config.ts"), root, "silent");
    const names = (loaded?.config.plugins ?? []).flat(4).map((plugin) => (plugin as {name?: string} | null)?.name);
    expect(names).toContain("mapt:notebooks");
  });
});
