import {defineConfig} from "vite";
import {maptConfig} from "./src/vite/index.ts";

export default defineConfig(maptConfig());
