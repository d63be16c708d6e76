import {isUnrun, readNotebook} from "../notebook/index.ts";
import {runSignature} from "./signature.ts";
import type {SessionState} from "./types.ts";

/** How a page starts a session (spec in; see {@link createSession}). */
export interface SessionSpec {
  /** The notebook file's text. Required. */
  text: string;
  /** The file's version (dev server) when saves go to a file. Default: `null`. */
  version?: string | null;
  /** Whether the notebook may run. Required: a notebook from elsewhere is not. */
  trusted: boolean;
  /**
   * Whether the page already runs every cell as the text has it (a built reader page), but for
   * the cells marked `unrun`, which the page does not run. Default false: nothing has run.
   */
  running?: boolean;
  /** Saves go to the file through the dev server. Default false (this browser only). */
  canSave?: boolean;
  /** Whether editing the file needs asking first (a shipped notebook under the dev server). Default false. */
  askBeforeEditing?: boolean;
}

/** The session of a page that shows `spec.text`. Nothing is defined by this: see `load`. */
export function createSession(spec: SessionSpec): SessionState {
  const {notebook} = readNotebook(spec.text);
  const running = spec.running === true && spec.trusted;
  return {
    notebook,
    trusted: spec.trusted,
    ran: new Map(running ? notebook.cells.filter((cell) => !isUnrun(cell)).map((cell) => [cell.id, runSignature(cell)]) : []),
    settled: new Map(),
    interrupted: new Set(),
    selected: notebook.cells[0]?.id,
    undo: [],
    highestId: Math.max(0, ...notebook.cells.map((cell) => cell.id)),
    file: {text: spec.text, version: spec.version ?? null},
    canSave: spec.canSave ?? false,
    save: "saved",
    pending: undefined,
    conflict: undefined,
    editChoice: spec.askBeforeEditing ? "ask" : "file",
    savedHere: false,
    saveAgain: false
  };
}
