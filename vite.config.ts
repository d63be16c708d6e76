import {defineConfig} from "vite";
import {duckdbWorkerWithoutSourcemap, mapt} from "./src/vite/index.ts";

// One page per notebook in notebooks/, plus the index. `base: "./"` makes the built site work
// from any folder of any static server.
export default defineConfig({
  base: "./",
  plugins: [mapt(), duckdbWorkerWithoutSourcemap()],
  build: {target: "es2022", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1200},
  worker: {format: "es"},
  server: {port: 5173}
});
