export {createCellView, type CellStatus, type CellView, type CellViewSpec} from "./cell-view.ts";
export {renderDatabaseStatus, type DatabaseStatus} from "./database-status.ts";
export {
  addDraftVersion,
  createDraft,
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
export {loadEditor, type EditorHost} from "./editor-host.ts";
export type {EditorSession} from "./editor/index.ts";
