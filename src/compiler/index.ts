export type {CompiledCell, CompileError, CompileOptions} from "./types.ts";
export {compileCell} from "./compileCell.ts";
export {compileNotebook} from "./compileNotebook.ts";
export {defaultGlobals} from "./defaultGlobals.ts";
