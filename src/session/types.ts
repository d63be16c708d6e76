import type {Cell, CellId, CellMode, Notebook} from "../notebook/index.ts";

/**
 * Where the page's notebook text stands against its file (dev server) or this browser's store.
 * "conflict": the file changed on disk while this page had edits; both versions are shown.
 */
export type SaveStatus = "saved" | "unsaved" | "saving" | "conflict" | "failed";

/** How a conflict between this page's edits and the file on disk ends. */
export type ConflictChoice = "mine" | "disk" | "later";

/** Whether a notebook in `notebooks/` may be edited in place (dev server); asked at the first edit. */
export type EditChoice = "ask" | "asking" | "file" | "copy";

/** Where a notebook's text came from when it was loaded. */
export type LoadOrigin =
  /** The page's own file (a built page, or the dev server's copy of it). */
  | "file"
  /** A notebook kept in this browser (`editor.html?draft=`). */
  | "draft"
  /** Edits kept in this browser and recovered into the page. */
  | "recovered"
  /** A version chosen in History. */
  | "history"
  /** The file changed on disk (dev server). */
  | "disk";

/** One step back for Z: the notebook events that undo a structural command, and its name. */
export interface UndoEntry {
  label: string;
  /** Applied in order to undo the command. */
  undo: StructuralEvent[];
}

/** The structural changes a user makes to the list of cells (the ones Z undoes). */
export type StructuralEvent =
  /** A new cell at `index` (clamped); the session picks its id. */
  | {type: "insert"; index: number; mode?: CellMode; source?: string}
  /** Puts back cells (deleted, cut) at `index`, keeping their ids. */
  | {type: "restore"; index: number; cells: Cell[]}
  | {type: "delete"; ids: CellId[]}
  /** Moves a cell one place up (-1) or down (1). */
  | {type: "move"; id: CellId; by: -1 | 1}
  /** Moves a cell to `index` of the list without it (drag and drop). */
  | {type: "moveTo"; id: CellId; index: number}
  | {type: "duplicate"; id: CellId}
  | {type: "setMode"; id: CellId; mode: CellMode}
  /** Names the cell's value for other cells (`output`); `""` removes the name. */
  | {type: "setOutput"; id: CellId; name: string}
  | {type: "togglePinned"; id: CellId}
  | {type: "toggleHidden"; id: CellId}
  /** Inserts copies of `cells` (fresh ids) at `index`. */
  | {type: "paste"; index: number; cells: Cell[]};

/** Everything that can happen to a page's notebook session. */
export type SessionEvent =
  | StructuralEvent
  /** The source of a cell changed (typing). Not run until the user runs it. */
  | {type: "edit"; id: CellId; source: string}
  | {type: "setTitle"; title: string}
  /** Z: undo the last structural command. */
  | {type: "undo"}
  | {type: "select"; id: CellId}
  /** Copies cells to the clipboard (the effect carries them). */
  | {type: "copy"; ids: CellId[]}
  /** Copies cells to the clipboard and deletes them (undoable). */
  | {type: "cut"; ids: CellId[]}
  /** Replaces the document (shows it; runs it only if the session is trusted). */
  | {type: "load"; text: string; origin: LoadOrigin}
  /** The reader said this notebook may run: runs every cell. */
  | {type: "trust"}
  | {type: "run"; id: CellId}
  /** Runs every cell whose source differs from what last ran (edited, or never run). */
  | {type: "runStale"}
  /** Runs every cell. */
  | {type: "runAll"}
  /** Starts the runtime afresh (every cell's state is dropped) and runs every cell. */
  | {type: "restartRunAll"}
  | {type: "interrupt"; id: CellId}
  /**
   * The cell's run with `signature` (see `runSignature`) ended with a value or its own error (not
   * stopped, not cut short by the page closing): the file need no longer mark it as never run.
   */
  | {type: "settled"; id: CellId; signature: string}
  /** Ctrl+S or the autosave timer. */
  | {type: "save"}
  | {type: "saveSucceeded"; text: string; version: string}
  | {type: "saveConflict"; diskText: string | null; diskVersion: string | null}
  | {type: "saveFailed"; error: string}
  | {type: "conflictResolved"; choice: ConflictChoice}
  /** The file changed on disk (dev server): `text` is the disk's version. */
  | {type: "diskChanged"; text: string; version: string}
  /** The answer to "edit the file or make a copy?". */
  | {type: "editChoice"; choice: "file" | "copy"}
  /**
   * Another page of this browser kept a new version of this notebook (a draft open in two tabs):
   * `base` is the `textVersion` of the text that page had edited.
   */
  | {type: "otherPageWrote"; text: string; base: string};

/** What the page must do for the session: closed, so the effect loop handles every case. */
export type SessionEffect =
  /** Create or update the cell's view and controls for these document facts. */
  | {type: "renderCell"; cell: Cell}
  | {type: "removeCell"; id: CellId}
  /** Put the cells' views in this order. */
  | {type: "orderCells"; ids: CellId[]}
  /** Compile the cell and define it in the runtime (it runs, its dependents re-run). */
  | {type: "defineCell"; cell: Cell}
  /** Remove the cell's variables from the runtime. */
  | {type: "undefineCell"; id: CellId}
  | {type: "interruptCell"; id: CellId}
  /** Dispose of the runtime and start an empty one (restart). */
  | {type: "restartRuntime"}
  /** Whether a cell's source differs from what last ran ("edited, not run"). */
  | {type: "markStale"; id: CellId; stale: boolean}
  | {type: "select"; id: CellId}
  | {type: "setTitle"; title: string}
  /**
   * Keep the notebook's text in this browser (debounced by the page; `now`: at once, as when a
   * cell's run settled and its `unrun` mark goes, so a reload right after keeps that).
   */
  | {type: "writeDraft"; text: string; title: string; now?: boolean}
  /** The file now holds `text`: the draft store's newest version is saved. */
  | {type: "markDraftSaved"; text: string}
  /** Ask the dev server to write the file if it is still at `baseVersion`. */
  | {type: "saveFile"; text: string; baseVersion: string | null}
  /** (Re)start the autosave timer; the page sends `save` when it fires (`now`: without waiting for more typing). */
  | {type: "scheduleSave"; now?: boolean}
  | {type: "showSaveStatus"; status: SaveStatus; detail?: string}
  /** Show both versions and wait for the user's choice (`conflictResolved`). */
  | {type: "showConflict"; mine: string; disk: string}
  /** Ask whether to edit the file or make a copy (`editChoice`). */
  | {type: "askEditChoice"}
  /** Write the notebook as a new file beside the page's, and open it. */
  | {type: "saveCopy"; text: string}
  | {type: "copyCells"; cells: Cell[]}
  /** The reader allowed this notebook to run: remember it for this notebook in this browser. */
  | {type: "rememberTrust"}
  /** Keep `text` among the notebook's versions (History), without making it the newest. */
  | {type: "keepVersion"; text: string}
  /** Write `text` as a copy beside the notebook's file (dev server): the side a conflict did not keep. */
  | {type: "saveConflictCopy"; text: string}
  /** Tell the reader something happened to the notebook that they did not do. */
  | {type: "showNotice"; text: string};

/** The state of one page's notebook: a value, changed only by `transitionSession`. */
export interface SessionState {
  /** The document as it is now (what a save writes). */
  readonly notebook: Notebook;
  /** Whether cells may run. An untrusted notebook is shown and never defined in the runtime. */
  readonly trusted: boolean;
  /** The mode, source and name each defined cell last ran with; absent: never ran (or undefined). */
  readonly ran: ReadonlyMap<CellId, string>;
  /**
   * The run signature each cell last completed with in this session (a value or its own error):
   * what clears a cell's `unrun` mark in the saved file (see `markUnrun`).
   */
  readonly settled: ReadonlyMap<CellId, string>;
  /** Cells interrupted and waiting. */
  readonly interrupted: ReadonlySet<CellId>;
  readonly selected: CellId | undefined;
  /** Newest last. */
  readonly undo: readonly UndoEntry[];
  /** The largest id this session has used: new cells get more, so an undo never collides. */
  readonly highestId: number;
  /** The file's text and version as loaded or last saved (what "unsaved" is measured against). */
  readonly file: {readonly text: string; readonly version: string | null};
  /** Whether saves go to a file (dev server, a page of `notebooks/`); otherwise to this browser only. */
  readonly canSave: boolean;
  readonly save: SaveStatus;
  /** Text being saved, or waiting in a conflict. */
  readonly pending: string | undefined;
  /** The disk's side of an unresolved conflict (`text` null: the file was deleted). */
  readonly conflict: {readonly text: string | null; readonly version: string | null} | undefined;
  readonly editChoice: EditChoice;
  /** Whether the file holds what this page saved itself (so a change from elsewhere replaces it). */
  readonly savedHere: boolean;
  /** A save asked for while one was in flight (its delay already over): the next one goes at the answer. */
  readonly saveAgain: boolean;
}
