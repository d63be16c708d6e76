export type {Cell, CellId, CellMode, ExtraAttribute, Notebook, ParseDiagnostic, ParseResult} from "./types.ts";
