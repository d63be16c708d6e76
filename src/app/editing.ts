// Editing on a notebook page: the Edit and Share buttons and keys, leaving Edit mode, recovery
// of unsaved edits, notebooks kept in this browser (editor.html?draft=<id>) and notebooks that
// arrive by link (editor.html#nb1/...), and (dev server) in-place updates when the file changes
// on disk. The session (with the compiler) and the editor (with CodeMirror) load only when one
// of these needs them; readers of a built page never download them.
import type {CatalogDetails, DuckDBClient} from "../data/index.ts";
import type {Notebook} from "../notebook/index.ts";
import type {NotebookRuntime} from "../runtime/index.ts";
import {decodeShareFragment, encodeShareFragment, fromInputValue, isShareFragment, sha256, toInputValue, type FileReference, type InputValue} from "../share/index.ts";
import {checkLinkFilesOnPage} from "./link-state.ts";
import {pageReady} from "./page-ready.ts";
import {editingTwinMetaName, notebookChangedEvent, readerPageMetaName, textVersion, type NotebookChange} from "../shared/index.ts";
import {
  addDraftVersion,
  createDraft,
  deleteDraftFiles,
  draftFile,
  listDraftFiles,
  isTrustedText,
  lastRunStopped,
  linkFileReferences,
  loadEditor,
  loadNotebookText,
  loadSession,
  loadShareDialog,
  maybeRecoverable,
  offerShowCode,
  readDraft,
  rememberedLinkFiles,
  rememberLinkFiles,
  restoreDraftFiles,
  showPageMessage,
  stoppedCellNotice,
  stoppedNotice,
  writeDraft,
  writeDraftFile,
  type CellViews,
  type Editing,
  type NotebookFiles,
  type NotebookSession,
  type Presenting,
  type SessionHost,
  type ShareSource,
  type ShowCodeSwitch
} from "../ui/index.ts";

/** What a page offers the editor. */
export interface EditableSpec {
  views: CellViews;
  /** The notebook's files; editing attaches more. */
  files: NotebookFiles;
  runtime: NotebookRuntime;
  database(): Promise<DuckDBClient>;
  /** What the catalog says about its tables, loaded on demand (the catalog panel, SQL completion). */
  catalogDetails(): Promise<CatalogDetails>;
  /** The page's notebook file, relative to the project root (built pages). */
  path?: string;
  /** The notebook file's text, loaded on demand (a separate chunk). */
  source?: () => Promise<{default: string}>;
  /** A notebook kept in this browser (editor.html?draft=<id>); "" to make a new one. */
  draft?: string;
  /** Runs before the editor starts (the reader completes its trimmed Plot: edits may use any mark). */
  beforeEdit?: () => Promise<void>;
  /** Called as an editing session starts (Edit, a recovered edit, a change on disk), before it changes anything. */
  onSession?: () => void;
  /** The page's presentation: Edit mode's P starts it, and Enter on a slide edits through Edit mode. */
  presenting: Presenting;
}

const bar = () => document.querySelector<HTMLElement>(".mapt-bar") ?? document.body;
const home = () => document.querySelector<HTMLAnchorElement>(".mapt-home")?.href ?? location.href;
const editorUrl = () => new URL("editor.html", home()).href;
const metaContent = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;

/**
 * A built notebook page is strict: its policy refuses code made from strings, which Edit mode
 * needs (it compiles cells with `Function`). A policy cannot be loosened in place, so Edit there
 * moves to the page's editing twin (`x.edit.html`, the same page whose policy allows compiling),
 * carrying the inputs' values (a `#state1/` fragment), the cell in view (`at`) and what to do
 * there (`edit`; `keep-edits` for recovered edits). The twin names the strict page back, where
 * its share links lead. The dev server's pages compile, so they have neither.
 */
const editingTwin = () => (import.meta.hot ? undefined : metaContent(editingTwinMetaName));
const readerPage = () => metaContent(readerPageMetaName);

/** The first cell in view, to scroll to on the twin. */
function cellInView(): string | undefined {
  const cells = [...document.querySelectorAll<HTMLElement>(".mapt-cell[data-cell-id]")];
  return cells.find((cell) => cell.getBoundingClientRect().bottom > 0)?.dataset.cellId;
}

/**
 * Leaves a strict page for its editing twin with `flags` (what to do there), the inputs' current
 * values, and the cells a presentation flagged as taller than the screen (`flagged`).
 */
async function openTwin(twin: string, runtime: NotebookRuntime, flags: Record<string, string>): Promise<void> {
  const url = new URL(twin, location.href);
  for (const [name, value] of Object.entries(flags)) url.searchParams.set(name, value);
  const flagged = [...document.querySelectorAll<HTMLElement>(".mapt-cell[data-mapt-slide-overflows]")].map((cell) => cell.dataset.cellId);
  if (flagged.length) url.searchParams.set("flagged", flagged.join(","));
  const inputs: Record<string, InputValue> = {};
  for (const [name, value] of runtime.inputs.values()) {
    const shareable = toInputValue(value);
    if (shareable !== undefined) inputs[name] = shareable;
  }
  if (Object.keys(inputs).length) url.hash = await encodeShareFragment({inputs, files: []});
  location.assign(url.href.replace(/([?&](?:edit|keep-edits|drop))=(?=&|$)/g, "$1"));
}

/** Wires editing and sharing into a page; see the module comment. */
export function offerEditing(spec: EditableSpec): void {
  if (spec.draft !== undefined) return void openDraft(spec);
  if (!spec.source || !spec.path) return;
  const path = spec.path;
  const canSave = import.meta.hot !== undefined;
  // Under the dev server, keep the text the page was built from, to tell later disk changes apart.
  const builtText = import.meta.hot ? spec.source().then((m) => m.default) : undefined;
  const fileText = () => builtText ?? spec.source!().then((m) => m.default);
  const host: SessionHost = {views: spec.views, files: spec.files, runtime: spec.runtime, database: spec.database, key: path, path};
  let started: NotebookSession | undefined;
  // Set with the session (its chunk holds the notebook writer): sharing an edited notebook needs it at once.
  let serialize: ((notebook: Notebook) => string) | undefined;
  let session: Promise<NotebookSession> | undefined;
  // Files attached while editing without the dev server are kept in this browser with the edits.
  const sessionOf = () =>
    (session ??= (spec.onSession?.(), Promise.all([loadSession(), fileText(), canSave || restoreDraftFiles(spec.files, path), loadNotebookText()]).then(([{startSession}, text, , {serializeNotebook}]) => {
      serialize = serializeNotebook;
      started = startSession(host, {text, version: canSave ? textVersion(text) : null, trusted: true, running: true, canSave, askBeforeEditing: canSave});
      return started;
    })));
  // Every cell's code for readers: the notebook as edited here, else the file's text (loaded on first use).
  const showCode = offerShowCode({views: spec.views, bar: bar(), notebook: async () => started?.state.notebook ?? (await loadNotebookText()).readNotebook(await fileText()).notebook});
  const reader = readerPage();
  const share = shareButton({
    inputs: spec.runtime.inputs,
    files: () => linkFileReferences(spec.files),
    // A link to the page carries its input values; once edited here, the notebook itself.
    notebook: () => {
      if (!started || !serialize) return undefined;
      const text = serialize(started.state.notebook);
      return text === started.state.file.text ? undefined : text;
    },
    editorUrl: editorUrl(),
    // On the editing twin, links lead to the strict page it stands in for.
    page: reader && new URL(reader, location.href).href
  });
  const twin = editingTwin();
  if (twin !== undefined) {
    const go = (flags: Record<string, string> = {}) => void openTwin(twin, spec.runtime, flags["slide-edit"] ? flags : {edit: "", ...flags, ...withCellInView(flags)});
    // Dropped files wait in this browser under a key of their own until the twin attaches them.
    const drop = async (files: File[]) => {
      for (const file of files) await writeDraftFile(draftFile(handoffKey(path), file.name, file, Date.now()));
      go({drop: ""});
    };
    editButtonElsewhere(go, drop, spec.presenting);
    void offerRecovery(path, fileText, async () => go({"keep-edits": ""}));
    return;
  }
  const editing = editButton(async () => (await Promise.all([sessionOf(), spec.beforeEdit?.()]))[0], {share, catalogDetails: spec.catalogDetails, presenting: spec.presenting}, showCode);
  // Arrived from the strict page: Edit mode at once, at the cell that was in view, with the
  // recovered edits when that is what was chosen there; or presenting, editing a slide.
  const params = new URLSearchParams(location.search);
  if (reader !== undefined) {
    spec.presenting.flagTooTall(params.get("flagged")?.split(",") ?? []);
    const slide = Number(params.get("slide-edit"));
    if (slide > 0) void pageReady().then(() => spec.presenting.startAt(slide, true));
  }
  const keepNow = reader !== undefined && params.has("keep-edits");
  void offerRecovery(
    path,
    fileText,
    async (text) => {
      await pageReady();
      const s = await editing.edit();
      s.dispatch({type: "load", text, origin: "recovered"});
    },
    keepNow
  );
  if (reader !== undefined && params.has("edit"))
    void pageReady()
      .then(() => editing.edit())
      .then(() => {
        const at = params.get("at");
        if (at) document.getElementById(`cell-${at}`)?.scrollIntoView({block: "start"});
      });
  if (reader !== undefined && params.has("drop"))
    void pageReady().then(async () => {
      const kept = await listDraftFiles(handoffKey(path));
      await deleteDraftFiles(handoffKey(path));
      if (kept.length) await editing.attach(kept.map((k) => new File([k.blob], k.name, {type: k.type})));
    });

  if (import.meta.hot) {
    import.meta.hot.on(notebookChangedEvent, (change: NotebookChange) => {
      if (change.path !== path) return;
      void sessionOf().then((s) => s.dispatch({type: "diskChanged", text: change.text, version: change.version}));
    });
  }
}

/** The cell in view, unless the flags name one. */
function withCellInView(flags: Record<string, string>): Record<string, string> {
  const at = flags.at ?? cellInView();
  return at === undefined ? {} : {at};
}

/** The bar's Edit button (its key is E), added to the bar; what it does is the caller's. */
function addEditButton(): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-edit-button";
  button.textContent = "Edit";
  button.title = "Edit this notebook (E)";
  button.setAttribute("aria-keyshortcuts", "E");
  bar().append(button);
  return button;
}

/**
 * The Edit button and E key of a strict page: both open the editing twin (see openTwin), as
 * does Enter on a slide (the twin presents that slide and edits it) and a file dropped on the
 * page (kept in this browser for the twin, which attaches it).
 */
function editButtonElsewhere(go: (flags?: Record<string, string>) => void, drop: (files: File[]) => Promise<void>, presenting: Presenting): void {
  const button = addEditButton();
  button.addEventListener("click", () => go());
  presenting.setEditor(async (ids) => {
    go(ids[0] === undefined ? {} : {"slide-edit": String(ids[0])});
    return () => {};
  });
  document.addEventListener("keydown", (event) => {
    if (event.key.toLowerCase() !== "e" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as HTMLElement | null)?.closest("input, textarea, select, [contenteditable], .cm-editor, dialog")) return;
    event.preventDefault();
    go();
  });
  document.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length) return;
    event.preventDefault();
    void drop(files);
  });
}

/** Where a strict page keeps files dropped on it for its editing twin. */
const handoffKey = (path: string) => `dropped:${path}`;

/** The Share button: the share dialog for the page as it is now. Answers a way to open it from code. */
function shareButton(source: ShareSource): () => void {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-share-button";
  button.textContent = "Share";
  button.title = "Copy a link to this notebook with its input values";
  const open = () => void loadShareDialog().then(({showShareDialog}) => showShareDialog(source));
  button.addEventListener("click", open);
  bar().append(button);
  return open;
}

/** What Edit mode offers besides the session: sharing, the catalog's details, presenting. */
interface EditButtonSpec {
  share(): void;
  catalogDetails(): Promise<CatalogDetails>;
  presenting: Presenting;
}

/**
 * The Edit button (and the E key): enters Edit mode over the page's session; leaving Edit mode
 * (Done, or Esc Esc) brings the button back. Answers a way to enter Edit mode from code, and
 * gives the page's presentation its way to edit a slide's cells.
 */
function editButton(sessionOf: () => Promise<NotebookSession>, spec: EditButtonSpec, showCode?: ShowCodeSwitch): {edit(): Promise<NotebookSession>; attach(files: File[]): Promise<void>} {
  const {share, catalogDetails, presenting} = spec;
  const button = addEditButton();
  let entering: Promise<{session: NotebookSession; editing: Editing}> | undefined;
  const enter = () =>
    (entering ??= Promise.all([sessionOf(), loadEditor()]).then(([session, editor]) => {
      button.hidden = true;
      // Edit mode shows every cell's code in its editor.
      showCode?.setAvailable(false);
      const editing = editor.startEditing(session, {
        bar: bar(),
        share,
        catalogDetails,
        present: () => presenting.start(),
        onLeave: () => {
          button.hidden = false;
          showCode?.setAvailable(true);
          entering = undefined;
          button.focus();
        }
      });
      return {session, editing};
    }));
  const edit = () => enter().then(({session}) => session);
  button.addEventListener("click", () => void edit());
  // Enter on a slide: Edit mode with the slide's first code cell (else its first cell) in its editor;
  // back on the slides, Edit mode ends again unless it was on before.
  presenting.setEditor(async (ids) => {
    const wasEditing = entering !== undefined;
    const {session, editing} = await enter();
    const cells = session.state.notebook.cells.filter((cell) => ids.includes(cell.id));
    const target = cells.find((cell) => cell.mode !== "md") ?? cells[0];
    if (target) editing.editCell(target.id);
    return () => {
      if (!wasEditing) editing.leave();
    };
  });
  document.addEventListener("keydown", (event) => {
    if (button.hidden || event.key.toLowerCase() !== "e" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as HTMLElement | null)?.closest("input, textarea, select, [contenteditable], .cm-editor, dialog")) return;
    event.preventDefault();
    void edit();
  });
  // A file dropped on the page while reading is attached in Edit mode (never opened in the tab).
  document.addEventListener("dragover", (event) => {
    if (!button.hidden && event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (button.hidden || !files.length) return;
    event.preventDefault();
    void enter().then(({editing}) => editing.attach(files));
  });
  return {edit, attach: (files) => enter().then(({editing}) => editing.attach(files))};
}

/**
 * The editor page: a notebook kept in this browser, or one that arrived by link. A new notebook
 * (no id) opens in Edit mode; a kept one or a link opens as readers see it, with Edit at hand
 * (`&edit` opens it in Edit mode), and runs only if it was made here or its reader already
 * allowed exactly this text to run.
 */
async function openDraft(spec: EditableSpec): Promise<void> {
  const params = new URLSearchParams(location.search);
  const fragment = location.hash.slice(1);
  let id = spec.draft ?? "";
  let text: string | undefined;
  let editNow = params.has("edit");
  const inputs = new Map<string, unknown>();
  let references: FileReference[] | undefined;
  if (isShareFragment(fragment)) {
    const decoded = await decodeShareFragment(fragment);
    if ("error" in decoded) return void showPageMessage(spec.views.main, decoded.error);
    const {notebook, inputs: values, files} = decoded.payload;
    references = files;
    if (notebook === undefined) return void showPageMessage(spec.views.main, "This link carries input values for a notebook page, not a notebook: open it on that page.");
    text = notebook;
    id = await draftForLink(notebook);
    for (const [name, value] of Object.entries(values)) inputs.set(name, fromInputValue(value));
    history.replaceState(null, "", draftAddress(id, params));
  }
  const record = id ? await readDraft(`draft:${id}`) : undefined;
  text ??= record?.versions.at(-1)?.text;
  if (text === undefined) {
    text = (await loadNotebookText()).newNotebookText();
    id = await createDraft(text, true);
    editNow = true;
    history.replaceState(null, "", draftAddress(id, params));
  }
  const host: SessionHost = {views: spec.views, files: spec.files, runtime: spec.runtime, database: spec.database, key: `draft:${id}`};
  const trusted = (record?.trusted ?? true) || (await isTrustedText(text));
  spec.runtime.inputs.restore(inputs);
  const [{startSession, cellFiles}, {serializeNotebook}] = await Promise.all([loadSession(), loadNotebookText(), restoreDraftFiles(spec.files, host.key)]);
  // The data files a link refers to (by name and SHA-256): until the page has exactly those,
  // the cells that read them fail saying so, never giving a different result. Checked again on reload.
  if (references) rememberLinkFiles(host.key, references);
  references ??= rememberedLinkFiles(host.key);
  const showFileProblems = await checkLinkFilesOnPage(references, spec.files);
  // A draft whose last session here froze or crashed while running opens without running.
  const stopped = trusted ? await lastRunStopped(host.key) : undefined;
  const session = startSession(host, {text, trusted}, {hold: stopped && stoppedNotice(stopped)});
  for (const id of stopped?.cells ?? []) spec.views.maybe(id)?.notice(stoppedCellNotice);
  const readers = (name: string) => session.state.notebook.cells.filter((cell) => cellFiles(cell).includes(name)).map((cell) => cell.id);
  showFileProblems({
    main: spec.views.main,
    readers,
    keep: (name, file) => writeDraftFile(draftFile(host.key, name, file, Date.now())),
    // The cells that name the file, and those that failed (a SQL cell reading its table).
    arrived: (name) => {
      if (!session.state.trusted) return;
      const failed = session.state.notebook.cells.filter((cell) => spec.views.maybe(cell.id)?.status === "error").map((cell) => cell.id);
      for (const id of new Set([...readers(name), ...failed])) session.dispatch({type: "run", id});
    }
  });
  const share = shareButton({
    inputs: spec.runtime.inputs,
    files: () => linkFileReferences(spec.files),
    notebook: () => serializeNotebook(session.state.notebook),
    editorUrl: editorUrl()
  });
  const editing = editButton(async () => session, {share, catalogDetails: spec.catalogDetails, presenting: spec.presenting});
  if (editNow) await editing.edit();
}

/** The editor page's address of draft `id`; a presentation asked for (`?present`) stays asked for. */
function draftAddress(id: string, params: URLSearchParams): string {
  return `?draft=${encodeURIComponent(id)}${params.has("present") ? "&present" : ""}`;
}

/**
 * The draft a link's notebook opens in: one per notebook text (its SHA-256), so opening the same
 * link twice does not make two; when the reader has edited that draft since, the link's text
 * comes back as its newest version (the edits stay in History). A new one is not trusted.
 */
async function draftForLink(text: string): Promise<string> {
  const id = `link-${(await sha256(text)).slice(0, 16)}`;
  const record = await readDraft(`draft:${id}`);
  if (!record) return createDraft(text, await isTrustedText(text), id);
  if (record.versions.at(-1)?.text !== text) await writeDraft(addDraftVersion(record, text, Date.now()));
  return id;
}

/** When unsaved edits of this notebook are in IndexedDB, offers to keep, discard or compare them. */
async function offerRecovery(key: string, fileText: () => Promise<string>, keep: (text: string) => Promise<void>, keepNow = false): Promise<void> {
  const record = await readDraft(key).catch(() => undefined);
  if (!record?.unsaved) return;
  const file = await fileText();
  const version = maybeRecoverable(record, file);
  if (!version) return;
  // Chosen on the strict page already, which moved here to keep them.
  if (keepNow) return keep(version.text);
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
      const {chooseVersion} = await loadSession();
      const choice = await chooseVersion(version.text, file, {mine: "Keep the edits", disk: "Discard them"});
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
