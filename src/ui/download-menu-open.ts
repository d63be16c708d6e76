// The Export menu's behaviour (src/ui/download-menu.ts makes its button): loaded on its first click.
import type {DownloadFormat as Format} from "./downloads/index.ts";
import type {DownloadTarget} from "./downloads/targets.ts";
import type {DownloadFormats} from "./download-menu.ts";

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

/** The elements of one cell's Export menu. */
export interface DownloadMenuParts {
  cell: HTMLElement;
  output: HTMLElement;
  wrapper: HTMLElement;
  button: HTMLButtonElement;
  menu: HTMLElement;
  message: HTMLElement;
}

/** Makes the menu open, close, and download what it lists; answers `open`, for the click that loaded it. */
export function wireDownloadMenu(parts: DownloadMenuParts, loadFormats: () => Promise<DownloadFormats>): () => Promise<void> {
  const {cell, output, wrapper, button, menu, message} = parts;
  const document = cell.ownerDocument;
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
  return open;
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
