export {createSession, type SessionSpec} from "./createSession.ts";
export {isStale, needsRun, runSignature} from "./signature.ts";
export {transitionSession, type Transition} from "./transition.ts";
export {markUnrun, needsUnrunMark} from "./unrun-marks.ts";
export type {
  ConflictChoice,
  EditChoice,
  LoadOrigin,
  SaveStatus,
  SessionEffect,
  SessionEvent,
  SessionState,
  StructuralEvent,
  UndoEntry
} from "./types.ts";
