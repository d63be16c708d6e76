import {defineConfig} from "vite";
import {maptConfig} from "./src/vite/index.ts";

// The dev server's "Export as a single file" runs `mapt export`, loaded when first asked for.
export default defineConfig(maptConfig({exporter: async () => (await import("./src/cli/export.ts")).exportNotebook}));
