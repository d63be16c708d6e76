/**
 * File extensions (lower case, without the dot) and their MIME types: the one list that the
 * dev server, the build, the static server of `check`, `FileAttachment` and DuckDB's table loader
 * read. A name whose extension is not here is `application/octet-stream`.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  // Tables and data
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  json: "application/json",
  geojson: "application/geo+json",
  topojson: "application/json",
  arrow: "application/vnd.apache.arrow.file",
  feather: "application/vnd.apache.arrow.file",
  ipc: "application/vnd.apache.arrow.file",
  parquet: "application/vnd.apache.parquet",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
  sqlite: "application/vnd.sqlite3",
  duckdb: "application/octet-stream",
  // Text and documents
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  htm: "text/html",
  xml: "application/xml",
  pdf: "application/pdf",
  // Page assets
  js: "text/javascript",
  mjs: "text/javascript",
  css: "text/css",
  wasm: "application/wasm",
  map: "application/json",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
  otf: "font/otf",
  // Images
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
  bmp: "image/bmp",
  ico: "image/x-icon",
  tif: "image/tiff",
  tiff: "image/tiff",
  // Audio and video
  mp4: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg"
};

/** The MIME type of files whose extension is unknown. */
const UNKNOWN_MIME_TYPE = "application/octet-stream";

/**
 * The extension of a file name or URL path, lower case and without the dot (a query or hash is
 * ignored; `".csv"` alone is `"csv"`); `""` when it has none.
 */
function extensionOf(name: string): string {
  const file = name.split(/[?#]/)[0]!.split(/[\\/]/).pop()!;
  const dot = file.lastIndexOf(".");
  return dot < 0 ? "" : file.slice(dot + 1).toLowerCase();
}

/** The MIME type of a file name or URL path by its extension; {@link UNKNOWN_MIME_TYPE} when unknown. */
export function mimeTypeOf(name: string): string {
  return MIME_TYPES[extensionOf(name)] ?? UNKNOWN_MIME_TYPE;
}

/** A MIME type without its parameters, lower case: `"Text/CSV; charset=utf-8"` → `"text/csv"`. */
export function essenceOf(mimeType: string): string {
  return mimeType.split(";")[0]!.trim().toLowerCase();
}

/**
 * The `Content-Type` a server sends for a file: its MIME type, with `charset=utf-8` for text
 * (HTML, CSS, JavaScript, JSON, CSV, SVG...) so that non-ASCII text decodes the same everywhere.
 */
export function contentTypeOf(name: string): string {
  const type = mimeTypeOf(name);
  return isText(type) ? `${type}; charset=utf-8` : type;
}

function isText(type: string): boolean {
  return type.startsWith("text/") || type === "application/json" || type === "application/geo+json" || type === "application/xml" || type === "image/svg+xml";
}
