// Editing on a notebook page: the Edit button and key, recovery of unsaved edits, and (dev
// server) in-place updates when the file changes on disk. The editor's code (CodeMirror, the
// compiler) loads only when one of these needs it; readers never download it.
import type {DuckDBClient} from "../data/index.ts";
import type {NotebookRuntime} from "../runtime/index.ts";
import {notebookChangedEvent, type NotebookChange} from "../shared/index.ts";
import {createDraft, loadEditor, maybeRecoverable, readDraft, writeDraft, type EditorHost, type EditorSession as Session} from "../ui/index.ts";

/** What a page offers the editor. */
export interface EditableSpec {
  runtime: NotebookRuntime;
  main: HTMLElement;
  database(): Promise<DuckDBClient>;
  /** The page's notebook file, relative to the project root (built pages). */
  path?: string;
  /** The notebook file's text, loaded on demand (a separate chunk). */
  source?: () => Promise<{default: string}>;
  /** A notebook kept in this browser (editor.html?draft=<id>); "" to make a new one. */
  draft?: string;
  /** Runs before the editor starts (the reader completes its trimmed Plot: edits may use any mark). */
  beforeEdit?: () => Promise<void>;
}

/** Wires editing into a page; see the module comment. */
export function offerEditing(spec: EditableSpec): void {
  const bar = document.querySelector<HTMLElement>(".mapt-bar") ?? document.body;
  const home = document.querySelector<HTMLAnchorElement>(".mapt-home");
  const draftUrl = (id: string) => new URL(`editor.html?draft=${encodeURIComponent(id)}`, home?.href ?? location.href).href;
  let session: Promise<Session> | undefined;
  const start = (text: string, key: string, rendered: boolean) =>
    (session ??= Promise.all([loadEditor(), spec.beforeEdit?.()]).then(([editor]) => {
      const host: EditorHost = {
        runtime: spec.runtime, main: spec.main, bar, key, text, rendered, draftUrl,
        path: spec.path, canSave: import.meta.hot !== undefined, database: spec.database
      };
      return editor.startEditor(host);
    }));

  if (spec.draft !== undefined) return void openDraft(spec.draft, start);
  if (!spec.source || !spec.path) return;
  const path = spec.path;
  // Under the dev server, keep the text the page was built from, to tell later disk changes apart.
  const builtText = import.meta.hot ? spec.source().then((m) => m.default) : undefined;
  const fileText = () => builtText ?? spec.source!().then((m) => m.default);
  const edit = async () => (await start(await fileText(), path, true)).enableEditing();

  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-edit-button";
  button.textContent = "Edit";
  button.title = "Edit this notebook (E)";
  button.setAttribute("aria-keyshortcuts", "E");
  button.addEventListener("click", () => void edit().then(() => button.remove()));
  bar.append(button);
  const onKey = (event: KeyboardEvent) => {
    if (event.key.toLowerCase() !== "e" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as HTMLElement | null)?.closest("input, textarea, select, [contenteditable], .cm-editor")) return;
    event.preventDefault();
    document.removeEventListener("keydown", onKey);
    button.click();
  };
  document.addEventListener("keydown", onKey);

  void offerRecovery(path, fileText, async (text) => {
    await edit();
    button.remove();
    (await session!).load(text);
  });

  if (import.meta.hot) {
    import.meta.hot.on(notebookChangedEvent, (change: NotebookChange) => {
      if (change.path !== path) return;
      void fileText().then((text) => start(text, path, true)).then((s) => s.diskChanged(change));
    });
  }
}

/** The editor page: opens a draft from IndexedDB, or makes a new notebook there. */
async function openDraft(id: string, start: (text: string, key: string, rendered: boolean) => Promise<Session>): Promise<void> {
  let text = id ? (await readDraft(`draft:${id}`))?.versions.at(-1)?.text : undefined;
  if (text === undefined) {
    text = (await loadEditor()).newNotebookText();
    id = await createDraft(text);
    history.replaceState(null, "", `?draft=${encodeURIComponent(id)}`);
  }
  (await start(text, `draft:${id}`, false)).enableEditing();
}

/** When unsaved edits of this notebook are in IndexedDB, offers to keep, discard or compare them. */
async function offerRecovery(key: string, fileText: () => Promise<string>, keep: (text: string) => Promise<void>): Promise<void> {
  const record = await readDraft(key).catch(() => undefined);
  if (!record?.unsaved) return;
  const file = await fileText();
  const version = maybeRecoverable(record, file);
  if (!version) return;
  const banner = document.createElement("aside");
  banner.className = "mapt-recovery";
  banner.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.textContent = `This notebook has unsaved edits from ${new Date(version.time).toLocaleString()}.`;
  const discard = async () => {
    await writeDraft({...record, unsaved: false});
    banner.remove();
  };
  const actions: Array<[string, string, () => Promise<void>]> = [
    ["keep", "Keep the edits", async () => (banner.remove(), keep(version.text))],
    ["discard", "Discard them", discard],
    ["compare", "Compare", async () => {
      const choice = await (await loadEditor()).chooseVersion(version.text, file, {mine: "Keep the edits", disk: "Discard them"});
      if (choice === "mine") return (banner.remove(), keep(version.text));
      if (choice === "disk") return discard();
    }]
  ];
  banner.append(text);
  for (const [name, label, action] of actions) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.recovery = name;
    b.addEventListener("click", () => void action());
    banner.append(b);
  }
  document.getElementById("mapt-notebook")?.prepend(banner);
}
