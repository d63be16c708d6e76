const MIME_TYPES: Record<string, string> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  json: "application/json",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  xml: "application/xml",
  arrow: "application/vnd.apache.arrow.file",
  parquet: "application/vnd.apache.parquet",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  pdf: "application/pdf"
};

/** The MIME type of a file name by its extension; `application/octet-stream` when unknown. */
export function mimeTypeOf(name: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name.split(/[?#]/)[0])?.[1]?.toLowerCase();
  return (extension !== undefined && MIME_TYPES[extension]) || "application/octet-stream";
}
