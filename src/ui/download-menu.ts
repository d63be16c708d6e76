/** What holds a chart or a table: an SVG, a SQL result's table, an `Inputs.table`. */
const DOWNLOADABLE = 'svg, figure.mapt-table, form[class$="-table"]';

/** True when a displayed node is, or holds, something the Export menu downloads. */
export function mayDownload(node: Node): boolean {
  if (node.nodeType !== node.ELEMENT_NODE && node.nodeType !== node.DOCUMENT_FRAGMENT_NODE) return false;
  const element = node as Element | DocumentFragment;
  return ("matches" in element && element.matches(DOWNLOADABLE)) || element.querySelector(DOWNLOADABLE) !== null;
}

/**
 * Gives a cell a small Export button once it shows a chart or a table ({@link mayDownload}),
 * shown while the pointer or the keyboard is on the cell and while its output still holds one
 * (`.mapt-downloads` in styles.css repeats {@link DOWNLOADABLE}). It opens a menu of the output's charts (SVG, PNG) and
 * tables (CSV, Parquet), found when it opens, so outputs that change need nothing more. The
 * formats are a chunk of their own, fetched once the notebook has settled and the page is idle
 * (not while the page is still loading what it shows): downloads then work offline.
 */
export function offerDownloads(cell: HTMLElement, output: HTMLElement): void {
  if (cell.querySelector(":scope > .mapt-downloads")) return;
  const document = cell.ownerDocument;
  prefetchFormats(cell);
  const wrapper = document.createElement("div");
  wrapper.className = "mapt-downloads";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-downloads-button";
  // "Export", not "Download": the editor bar's Download button saves the notebook's file.
  button.textContent = "Export";
  button.title = "Download this cell's charts (SVG, PNG) and tables (CSV, Parquet)";
  button.setAttribute("aria-haspopup", "menu");
  button.setAttribute("aria-expanded", "false");
  const menu = document.createElement("div");
  menu.className = "mapt-downloads-menu";
  menu.setAttribute("role", "menu");
  menu.hidden = true;
  const message = document.createElement("p");
  message.className = "mapt-downloads-message";
  message.setAttribute("role", "status");
  wrapper.append(button, menu, message);
  output.before(wrapper);

  // The menu's behaviour loads on the first click: most readers never open it.
  const first = () => {
    button.removeEventListener("click", first);
    void loadMenu().then(({wireDownloadMenu}) => wireDownloadMenu({cell, output, wrapper, button, menu, message}, loadFormats)());
  };
  button.addEventListener("click", first);
}

/** The download formats (a chunk of their own). */
export type DownloadFormats = typeof import("./downloads/index.ts");

let formats: Promise<DownloadFormats> | undefined;
let prefetching = false;
const loadFormats = () => (formats ??= import("./downloads/index.ts"));
let menuBehaviour: Promise<typeof import("./download-menu-open.ts")> | undefined;
const loadMenu = () => (menuBehaviour ??= import("./download-menu-open.ts"));

/** A notebook that never settles (a cell that keeps running) still gets its formats after this. */
const SETTLE_LIMIT_MS = 30_000;

/**
 * Fetches the download formats once every cell of the notebook has settled and the page is idle,
 * so a reader who loses the network after the page opened can still download, and the formats
 * never compete with what the page shows; `<html data-mapt-downloads="ready">` says they are here.
 */
function prefetchFormats(cell: HTMLElement): void {
  if (prefetching) return;
  prefetching = true;
  const document = cell.ownerDocument;
  const view = document.defaultView;
  // The menu's behaviour too: a reader offline by then can still open it.
  const fetch = () =>
    void Promise.all([loadFormats(), loadMenu()]).then(
      () => void (document.documentElement.dataset.maptDownloads = "ready"),
      () => void ((formats = undefined), (menuBehaviour = undefined))
    );
  const root = cell.parentElement ?? document.documentElement;
  const busy = () => root.querySelector('.mapt-cell[data-status="pending"], .mapt-cell[data-status="running"]') !== null;
  let done = false;
  const settled = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(limit);
    if (view?.requestIdleCallback) view.requestIdleCallback(fetch, {timeout: 5000});
    else setTimeout(fetch, 0);
  };
  const observer = new MutationObserver(() => void (busy() || settled()));
  observer.observe(root, {subtree: true, attributes: true, attributeFilter: ["data-status"]});
  const limit = setTimeout(settled, SETTLE_LIMIT_MS);
  if (!busy()) settled();
}
