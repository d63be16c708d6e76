import type {DownloadFormat as Format} from "./downloads/index.ts";
import type {DownloadTarget} from "./downloads/targets.ts";

const menuItems: Record<DownloadTarget["kind"], Array<{format: Format; label: string}>> = {
  chart: [
    {format: "svg", label: "SVG"},
    {format: "png", label: "PNG (2×)"}
  ],
  table: [
    {format: "csv", label: "CSV"},
    {format: "parquet", label: "Parquet"}
  ]
};

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

  const close = (focusButton: boolean) => {
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (focusButton) button.focus();
  };
  // What the output holds is found by the formats' chunk (prefetched once the page settled).
  const open = async () => {
    const {findDownloadTargets} = await loadFormats();
    const targets = findDownloadTargets(output, cell.querySelector(":scope > .mapt-cell-name code")?.textContent ?? undefined);
    const items: HTMLElement[] = targets.flatMap((target) =>
      menuItems[target.kind].map(({format, label}) => {
        const item = document.createElement("button");
        item.type = "button";
        item.setAttribute("role", "menuitem");
        item.dataset.format = format;
        item.textContent = targets.length === 1 ? label : `${label}: ${target.label}`;
        item.addEventListener("click", () => {
          close(true);
          void download(target, format);
        });
        return item;
      })
    );
    if (items.length === 0) {
      const none = document.createElement("p");
      none.textContent = "Nothing here to download yet.";
      items.push(none);
    }
    menu.replaceChildren(...items);
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    menu.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  };
  const download = async (target: DownloadTarget, format: Format) => {
    message.textContent = "";
    try {
      const {downloadBlob, downloadName} = await loadFormats();
      const blob = await downloadBlob(target, format);
      const notebook = cell.closest("main")?.getAttribute("aria-label") ?? document.title;
      save(blob, downloadName(notebook, target.label, format), document);
    } catch (error) {
      message.textContent = `Could not download ${target.label} as ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  button.addEventListener("click", () => (menu.hidden ? void open() : close(false)));
  wrapper.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !menu.hidden) {
      event.stopPropagation();
      close(true);
    }
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !menu.hidden) {
      const items = [...menu.querySelectorAll<HTMLElement>("[role=menuitem]")];
      const at = items.indexOf(document.activeElement as HTMLElement);
      items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
      event.preventDefault();
    }
  });
  wrapper.addEventListener("focusout", (event) => {
    if (!wrapper.contains(event.relatedTarget as Node | null)) close(false);
  });
}

let formats: Promise<typeof import("./downloads/index.ts")> | undefined;
let prefetching = false;
const loadFormats = () => (formats ??= import("./downloads/index.ts"));

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
  const fetch = () =>
    void loadFormats().then(
      () => void (document.documentElement.dataset.maptDownloads = "ready"),
      () => void (formats = undefined)
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

/** Hands a file to the browser's downloads. */
function save(blob: Blob, name: string, document: Document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the click's download starts; free it after that turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
