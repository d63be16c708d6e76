export {createCellView, formatDuration, type CellStatus, type CellView, type CellViewSpec} from "./cell-view.ts";
export {renderDatabaseStatus, type DatabaseStatus} from "./database-status.ts";
export {describeError} from "./error-text.ts";
export {renderValue} from "./render-value.ts";
export {
  addDraftVersion,
  createDraft,
  createDraftWriter,
  emptyDraft,
  listDrafts,
  maxDraftVersions,
  maybeRecoverable,
  newDraftId,
  readDraft,
  writeDraft,
  type DraftRecord,
  type DraftVersion,
  type DraftWriter
} from "./drafts.ts";
export {loadEditor, type EditorHost} from "./editor-host.ts";
export type {EditorSession} from "./editor/index.ts";
