export {maptConfig, type MaptConfigOptions} from "./config.ts";
export {mapt, listNotebooks, type ExternalNotebook, type MaptPluginOptions} from "./plugin.ts";
export {projectRootOf} from "./attachments.ts";
export {notebookKitSite, type NotebookKitSite} from "./notebook-kit-site.ts";
export {readPageTemplate, type PageTemplate} from "./page-template.ts";
