export {evaluateBody, type CellFunction} from "./body.ts";
export type {DefinableCell} from "./define.ts";
export {nextTask, paceCompute, type ComputePace} from "./compute-pace.ts";
export {NotebookRuntime} from "./notebook-runtime.ts";
export type {CellSink} from "./sink.ts";
export type {NamedInputs} from "./inputs.ts";
