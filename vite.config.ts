import {defineConfig} from "vite";
import {maptConfig} from "./src/vite/index.ts";

// The dev server's "Export as a single file" runs `mapt export`, loaded when first asked for;
// `npm run build` records each shipped notebook's result snapshots (src/cli/snapshots.ts).
export default defineConfig(
  maptConfig({
    exporter: async () => (await import("./src/cli/export.ts")).exportNotebook,
    snapshots: async (outDir, pages, log) => (await import("./src/cli/snapshots.ts")).recordSnapshots(outDir, pages, log)
  })
);
