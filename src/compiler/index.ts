export type {CompiledCell, CompileError} from "./types.ts";
