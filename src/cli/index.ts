export {buildSite, type BuiltSite} from "./build-site.ts";
export {checkNotebooks, formatCheckReport, type CheckOptions, type NotebookCheck} from "./check.ts";
export {ChromiumNotFoundError, chromiumArgs, findChromium} from "./chromium.ts";
export {exportNotebook, type ExportOptions, type ExportResult} from "./export.ts";
export {main} from "./main.ts";
export {printNotebookPdf, type PdfOptions, type PdfResult} from "./pdf.ts";
export {waitForSettledCells, type CellFailure, type PageOutcome} from "./settle.ts";
export {serveStatic, type StaticServer} from "./static-server.ts";
