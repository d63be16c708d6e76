export {maptConfig, type MaptConfigOptions} from "./config.ts";
export {duckdbWorkerWithoutSourcemap} from "./duckdb-worker-sourcemap.ts";
export {mapt, listNotebooks, type ExternalNotebook, type MaptPluginOptions} from "./plugin.ts";
export {renderNotebookPage, type NotebookPage} from "./notebook-page.ts";
export {summarizeNotebook} from "./notebook-summary.ts";
