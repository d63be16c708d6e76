export {evaluateBody, type CellFunction} from "./body.ts";
export {defineCell, type CellHandle, type DefinableCell} from "./define.ts";
export {NotebookRuntime} from "./notebook-runtime.ts";
export type {CellSink} from "./sink.ts";
