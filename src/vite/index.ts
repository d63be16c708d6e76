export {maptConfig, type MaptConfigOptions} from "./config.ts";
export {mapt, listNotebooks, type ExternalNotebook, type MaptPluginOptions} from "./plugin.ts";
export {projectRootOf} from "./attachments.ts";
