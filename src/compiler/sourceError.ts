import type {CompileError} from "./types.ts";

/** A user's mistake found by a compiler pass, positioned by offset in the cell's source. */
export class SourceError extends SyntaxError {
  /** 0-based offset into the cell's source. */
  readonly pos: number;
  constructor(message: string, pos: number) {
    super(message);
    this.name = "SourceError";
    this.pos = pos;
  }
}

/** 1-based line and column of an offset in `source`. */
export function positionAt(source: string, offset: number): {line: number; column: number} {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = before.lastIndexOf("\n") + 1;
  return {line: before.split("\n").length, column: offset - lineStart + 1};
}

/**
 * The `CompileError` for anything a pass threw: a `SourceError`, an acorn `SyntaxError` (which
 * carries `pos` and appends its own 0-based "(line:column)" to the message), or, for our own bugs,
 * any other error at 1:1. `toCell` maps a position in the JavaScript the passes read back to the
 * cell's `source` (template modes); default: the same offset.
 */
export function toCompileError(error: unknown, source: string, toCell: (offset: number) => number = (offset) => offset): CompileError {
  const at = typeof (error as {pos?: unknown})?.pos === "number" ? (error as {pos: number}).pos : 0;
  const pos = toCell(at);
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/ \(\d+:\d+\)$/, "");
  return {message, ...positionAt(source, pos)};
}
