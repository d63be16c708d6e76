import type {NamedInputs} from "../runtime/index.ts";
import {encodeShareFragment, LONG_LINK, toInputValue, type FileReference, type InputValue} from "../share/index.ts";

/** What the share dialog needs from the page. */
export interface ShareSource {
  /** The page's named inputs, whose current values a link can carry. */
  inputs: NamedInputs;
  /**
   * The notebook's text when the link must carry it (a notebook kept in this browser, or a
   * shipped one with edits); `undefined` when the page itself holds it (a link to the page).
   */
  notebook(): string | undefined;
  /** The files it reads, by reference. Default: none. */
  files?(): Promise<FileReference[]>;
  /** The editor page's address, where a link carrying a notebook opens. */
  editorUrl: string;
  /** The address a link to the page leads to. Default: this page's. */
  page?: string;
  /** Saves the notebook as a file (the alternative to a long link). */
  download?(): void;
}

/** What a link holds besides the notebook. */
export interface ShareLinkOptions {
  /** The inputs' current values. */
  withInputs: boolean;
  /** Opens the notebook as slides (`?present`). */
  present: boolean;
}

/** The link for the page as it is now. */
export async function shareLink(source: ShareSource, {withInputs, present}: ShareLinkOptions): Promise<string> {
  const inputs: Record<string, InputValue> = {};
  if (withInputs) {
    for (const [name, value] of source.inputs.values()) {
      const shareable = toInputValue(value);
      if (shareable !== undefined) inputs[name] = shareable;
    }
  }
  const notebook = source.notebook();
  const files = (await source.files?.()) ?? [];
  if (notebook === undefined) {
    const page = withPresent((source.page ?? location.href).split("#")[0]!, present);
    return Object.keys(inputs).length ? `${page}#${await encodeShareFragment({inputs, files})}` : page;
  }
  return `${withPresent(source.editorUrl, present)}#${await encodeShareFragment({notebook, inputs, files})}`;
}

/** `address` asking (or not) to open as slides. */
function withPresent(address: string, present: boolean): string {
  const url = new URL(address);
  if (present) url.searchParams.set("present", "");
  else url.searchParams.delete("present");
  // `?present`, not `?present=`.
  return url.href.replace(/([?&]present)=(?=&|$)/, "$1");
}

/** The Share dialog: the link, its size, a warning where long links break, and Copy. */
export async function showShareDialog(source: ShareSource): Promise<void> {
  const dialog = document.createElement("dialog");
  dialog.className = "mapt-dialog mapt-share";
  dialog.setAttribute("aria-label", "Share this notebook");
  const heading = document.createElement("h2");
  heading.textContent = "Share";
  const about = document.createElement("p");
  const field = document.createElement("textarea");
  field.className = "mapt-share-link";
  field.readOnly = true;
  field.rows = 3;
  field.setAttribute("aria-label", "Link");
  const size = document.createElement("p");
  size.className = "mapt-share-size";
  const warning = document.createElement("p");
  warning.className = "mapt-share-warning";
  warning.setAttribute("role", "alert");
  const withInputs = document.createElement("input");
  withInputs.type = "checkbox";
  withInputs.checked = true;
  const label = document.createElement("label");
  label.append(withInputs, " Include the inputs' current values");
  const present = document.createElement("input");
  present.type = "checkbox";
  present.checked = new URLSearchParams(location.search).has("present");
  const presentLabel = document.createElement("label");
  presentLabel.append(present, " Open as slides");
  const actions = document.createElement("div");
  actions.className = "mapt-dialog-actions";
  const copy = document.createElement("button");
  copy.type = "button";
  copy.textContent = "Copy link";
  const copied = document.createElement("span");
  copied.setAttribute("role", "status");
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.addEventListener("click", () => dialog.close());
  actions.append(copy, close, copied);
  if (source.download) {
    const download = document.createElement("button");
    download.type = "button";
    download.textContent = "Download the file instead";
    download.addEventListener("click", () => source.download!());
    actions.insertBefore(download, close);
  }
  const carries = source.notebook() !== undefined;
  about.textContent = carries
    ? "This link carries the whole notebook (nothing is uploaded: it is all in the link). Whoever opens it sees the notebook and runs it only if they choose to. Data files travel by name and fingerprint, not in the link."
    : "This link opens this notebook's page with the same input values.";
  // The files are hashed once per dialog; the link names them, the sender sends them along.
  const files = (await source.files?.()) ?? [];
  const fileList = document.createElement("p");
  fileList.className = "mapt-share-files";
  fileList.hidden = files.length === 0;
  fileList.textContent = `The link names ${files.length === 1 ? "this data file" : `these ${files.length} data files`}, not their contents: ${files
    .map((file) => `${file.name} (${file.size.toLocaleString("en-US")} bytes)`)
    .join(", ")}. Send ${files.length === 1 ? "it" : "them"} along: whoever opens the link is asked for ${files.length === 1 ? "it" : "them"}, and each is checked against the link.`;
  const linkSource: ShareSource = {...source, files: async () => files};
  const update = async () => {
    const link = await shareLink(linkSource, {withInputs: withInputs.checked, present: present.checked});
    field.value = link;
    const kb = link.length / 1024;
    size.textContent = `${link.length.toLocaleString("en-US")} characters (${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB).`;
    warning.hidden = link.length <= LONG_LINK;
    warning.textContent = warning.hidden
      ? ""
      : `This link is longer than ${LONG_LINK / 1024} KB: chat apps and mail often cut long links, and a cut link does not open. Send the notebook file instead, or check that the link arrives whole.`;
  };
  withInputs.addEventListener("change", () => void update());
  present.addEventListener("change", () => void update());
  copy.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      copied.textContent = "Copied.";
    } catch {
      copied.textContent = "Select the link and copy it (the browser did not allow copying).";
    }
  });
  dialog.append(heading, about, fileList, field, size, warning, label, " ", presentLabel, actions);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  await update();
  dialog.showModal();
  copy.focus();
}
