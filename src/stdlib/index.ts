export {createBuiltins, type Builtins} from "./builtins.ts";
export {isBundledPackage} from "./npm-import.ts";
export {
  BUILTINS,
  builtinNames,
  builtinsThatNeed,
  chartBuiltins,
  type BuiltinInfo,
  type BuiltinName,
  type BuiltinNeed,
  type PageBuiltinName
} from "./builtin-names.ts";
export type {BuildQueries, BuiltinContextSpec, LocalModules, ResolvedFile} from "./context.ts";
export {FileAttachment, type DsvOptions} from "./file-attachment.ts";
export {Generators} from "./generators.ts";
export {Mutable, type MutableGenerator} from "./mutable.ts";
export type {Change, Initialize} from "./observe.ts";
export {loadInputs, pageInputs, type InputsMembers} from "./inputs.ts";
export {maybeTableData, rememberTableData, type TableData} from "./table-data.ts";
export type {Bibliography, BibliographyOptions} from "./bibliography.ts";
export type {Cite, SourceRow} from "./cite.ts";
export type {Dom} from "./dom.ts";
export type {MarkdownTag} from "./md.ts";
export {sqlTag} from "./sql-tag.ts";
export {trajectoryPlotMembers} from "./domain/trajectory-chart.ts";
export {createLoopGuard, DEFAULT_LOOP_LIMIT_MS, LoopLimitError, pageLoopLimit} from "./loop-guard.ts";
export {plotCategoricalSchemes, plotDefaultSchemes, plotDivergingSchemes, plotSequentialSchemes} from "./plot-scheme-names.ts";
