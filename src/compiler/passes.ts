import type {Identifier} from "acorn";
import {simple} from "acorn-walk";
import type {Edit} from "./applyEdits.ts";
import {checkAssignments} from "./checkAssignments.ts";
import {findDeclarations} from "./findDeclarations.ts";
import {findFiles} from "./findFiles.ts";
import {guardLoops} from "./findLoops.ts";
import {findReferences} from "./findReferences.ts";
import {findViews} from "./findViews.ts";
import {functionKind} from "./functionKind.ts";
import type {ParsedJavaScript} from "./parseJavaScript.ts";
import {rewriteImports} from "./rewriteImports.ts";
import {SourceError} from "./sourceError.ts";

/** What the passes learn about one cell's JavaScript, and how they rewrite it. */
export interface CellAnalysis {
  /** The JavaScript every pass reads (offsets of nodes and edits are into it). */
  readonly source: string;
  readonly parsed: ParsedJavaScript;
  /** Identifiers the cell reads or writes without declaring them (globals included). */
  free: Identifier[];
  /** Top-level declarations: the cell's outputs. */
  outputs: string[];
  /** Literal `FileAttachment` names. */
  files: string[];
  /** Module specifiers the cell imports. */
  imports: string[];
  /** Rewrites of the source, applied when the body is written. */
  edits: Edit[];
  /** The body must be an async function. */
  async: boolean;
  /** The body must be a generator function. */
  generator: boolean;
  /** The body calls the `__import` builtin. */
  usesImport: boolean;
  /** Names of the inputs the cell declares with `const name = view(...)`. */
  views: string[];
  /** The body calls the `__guard` builtin (it has loops). */
  usesGuard: boolean;
}

/**
 * One step of the compiler: reads the tree, records what it found, adds edits, or throws a
 * `SourceError` for the user's mistake. Passes never re-parse or print the tree.
 */
export type CompilePass = (analysis: CellAnalysis) => void;

/** Free references (the cell's inputs, once globals are filtered out). */
export const referencesPass: CompilePass = (a) => void (a.free = findReferences(a.parsed.node));

/** Top-level declarations of a program cell (an expression cell declares nothing). */
export const declarationsPass: CompilePass = (a) => {
  if (a.parsed.kind === "program") a.outputs = findDeclarations(a.parsed.node).map((id) => id.name);
};

/** A cell may not assign another cell's variable or a global. Needs the references. */
export const assignmentsPass: CompilePass = (a) => checkAssignments(a.parsed.node, a.free);

/** `FileAttachment("name")` with a literal name, for the build. Needs the references. */
export const filesPass: CompilePass = (a) => void (a.files = findFiles(a.parsed.node, a.free));

/** `import` becomes a call of the `__import` builtin (bundled packages only, nothing fetched). */
export const importsPass: CompilePass = (a) => {
  const rewrite = rewriteImports(a.parsed.node, a.source);
  a.edits.push(...rewrite.edits);
  a.imports = rewrite.imports;
  a.usesImport = rewrite.usesBuiltin;
  a.async ||= rewrite.hasStatic;
};

/** `const name = view(input)` tells the runtime the input's name. Needs the references. */
export const viewsPass: CompilePass = (a) => {
  if (a.parsed.kind !== "program") return;
  const found = findViews(a.parsed.node, a.free, a.source);
  a.views = found.names;
  a.edits.push(...found.edits);
};

/** Every loop calls `__guard` on each turn: a loop that runs too long stops with an error on its cell. */
export const loopGuardPass: CompilePass = (a) => {
  const edits = guardLoops(a.parsed.node, a.source);
  a.edits.push(...edits);
  a.usesGuard = edits.length > 0;
};

/**
 * `import.meta` names the module a cell is compiled into, which differs between a built page, the
 * editor and an export: a cell that reads it fails on its cell with what to use instead.
 */
export const importMetaPass: CompilePass = (a) => {
  simple(a.parsed.node, {
    MetaProperty(node) {
      if (node.meta.name === "import") {
        throw new SourceError('import.meta is not available in a notebook cell: read a file beside the notebook with FileAttachment("name")', node.start);
      }
    }
  });
};

/** Top-level `await` and `yield` make the body async and/or a generator. */
export const functionKindPass: CompilePass = (a) => {
  const kind = functionKind(a.parsed.node);
  a.async ||= kind.async;
  a.generator ||= kind.generator;
};

/** Every cell's JavaScript goes through these, in order; a new pass joins the list here. */
export const compilePasses: readonly CompilePass[] = [
  referencesPass,
  declarationsPass,
  assignmentsPass,
  filesPass,
  importsPass,
  importMetaPass,
  viewsPass,
  loopGuardPass,
  functionKindPass
];
