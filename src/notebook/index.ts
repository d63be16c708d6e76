export type {Cell, CellId, CellMode, ExtraAttribute, Notebook, ParseDiagnostic, ParseResult, StepCounter} from "./types.ts";
export {createCell, type CellSpec} from "./createCell.ts";
export {createNotebook, type NotebookSpec} from "./createNotebook.ts";
export {modeOfType, typeOfMode} from "./modeOfType.ts";
export {nextCellId} from "./nextCellId.ts";
export {readNotebook, type ReadOptions} from "./readNotebook.ts";
export {serializeNotebook} from "./serializeNotebook.ts";
export {indexOfCell, transitionNotebook, type NotebookEvent} from "./transitions.ts";
export {isUnrun, unrunAttribute, withUnrun} from "./unrun.ts";
