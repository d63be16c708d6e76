// The download formats of charts and tables: a chunk of their own, fetched once the page is idle
// (src/ui/download-menu.ts), so it is never part of first paint and downloads work offline after.
import {mimeTypeOf} from "../../shared/index.ts";
import {chartPng} from "./chart-png.ts";
import {chartSvg} from "./chart-svg.ts";
import {tableColumns} from "./table-columns.ts";
import {toCsv} from "./table-csv.ts";
import {toParquet} from "./table-parquet.ts";
import type {DownloadTarget} from "./targets.ts";

export {chartPng} from "./chart-png.ts";
export {chartSvg, type ChartImage} from "./chart-svg.ts";
export {tableColumns, type DownloadColumn} from "./table-columns.ts";
export {formatValue, toCsv} from "./table-csv.ts";
export {toParquet} from "./table-parquet.ts";
export {downloadName, findDownloadTargets, type DownloadTarget} from "./targets.ts";

/** The formats a chart and a table download as. */
export type DownloadFormat = "svg" | "png" | "csv" | "parquet";

/** The file of `target` in `format`: a Blob with its MIME type. */
export async function downloadBlob(target: DownloadTarget, format: DownloadFormat): Promise<Blob> {
  if (target.kind === "chart") {
    const image = chartSvg(target.element);
    if (format === "svg") return new Blob([image.svg], {type: mimeTypeOf("chart.svg")});
    if (format === "png") return chartPng(image, target.element.ownerDocument);
  } else {
    // Inputs.table takes a promise of its data too.
    const columns = tableColumns(await target.table.data, target.table.columns);
    if (format === "csv") return new Blob([toCsv(columns)], {type: mimeTypeOf("table.csv")});
    if (format === "parquet") return new Blob([toParquet(columns)], {type: mimeTypeOf("table.parquet")});
  }
  throw new Error(`a ${target.kind} does not download as ${format}`);
}
