export {askBeforeRunning} from "./ask-before-running.ts";
export {CellViews} from "./cell-views.ts";
export {applyColorScheme, offerColorSchemeSwitch, storedColorScheme} from "./color-scheme.ts";
export type {CellStatus, CellView, CellViewSpec} from "./cell-view.ts";
export {renderDatabaseStatus, type DatabaseStatus} from "./database-status.ts";
export {describeFileLoad, NO_FILE_LOADS, showFileLoads, transitionFileLoads, type FileLoadLine, type FileLoads} from "./file-load-status.ts";
export {
  addDraftVersion,
  createDraft,
  deleteDraft,
  emptyDraft,
  listDrafts,
  maxDraftVersions,
  maybeRecoverable,
  readDraft,
  writeDraft,
  type DraftRecord,
  type DraftVersion,
  type DraftWriter
} from "./drafts.ts";
export {deleteDraftFiles, draftFile, listDraftFiles, restoreDraftFiles, writeDraftFile, type DraftFile} from "./draft-files.ts";
export {newNotebookText} from "./new-notebook.ts";
export {NotebookFiles, type NotebookFile} from "./notebook-files.ts";
export {
  checkLinkFiles,
  chosenFileProblem,
  linkFileMessage,
  linkFileReferences,
  presentFiles,
  rememberedLinkFiles,
  rememberLinkFiles,
  type FileFingerprint,
  type LinkFileProblem
} from "./link-files.ts";
export {showLinkFileProblems} from "./link-file-notice.ts";
export {showPageMessage} from "./page-message.ts";
export {showEngineReport} from "./engine-notice.ts";
export {lastRunStopped, markRunning, stoppedCellNotice, stoppedNotice} from "./run-marker.ts";
export {settlePrepainted} from "./prepainted.ts";
export {offerShowCode, type ShowCodeSwitch} from "./show-code.ts";
export {offerPresenting, type Presenting, type SlideEditor} from "./present/index.ts";
export {isTrustedText} from "./trust-store.ts";
export type {ShareSource} from "./share-dialog.ts";
export {notNotebookReason, openNotebookFile} from "./open-file.ts";
export type {EditorSurface, NotebookSession, SessionHost} from "./notebook-session.ts";
export type {Editing} from "./editor/index.ts";

/** The session (and the compiler it brings), loaded when a page must run notebook text itself. */
export function loadSession(): Promise<typeof import("./session-module.ts")> {
  return import("./session-module.ts");
}

/** The notebook file reader and writer, loaded when a page must read or write notebook text. */
export function loadNotebookText(): Promise<typeof import("./notebook-text.ts")> {
  return import("./notebook-text.ts");
}

/** The editor (CodeMirror), loaded only when someone edits. */
export function loadEditor(): Promise<typeof import("./editor/index.ts")> {
  return import("./editor/index.ts");
}

/** The share dialog, loaded when someone shares. */
export function loadShareDialog(): Promise<typeof import("./share-dialog.ts")> {
  return import("./share-dialog.ts");
}
