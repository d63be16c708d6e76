export type {Cell, CellId, CellMode, CellText, ExtraAttribute, Notebook, NotebookFile, ParseDiagnostic, ParseResult, StepCounter, TagAttribute, TagText} from "./types.ts";
export {createCell, type CellSpec} from "./createCell.ts";
export {createNotebook, type NotebookSpec} from "./createNotebook.ts";
export {modeOfType, typeOfMode} from "./modeOfType.ts";
export {nextCellId} from "./nextCellId.ts";
export {readNotebook, type ReadOptions} from "./readNotebook.ts";
export {serializeNotebook} from "./serializeNotebook.ts";
export {indexOfCell, transitionNotebook, type NotebookEvent} from "./transitions.ts";
