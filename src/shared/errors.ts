/** A position in a cell's source or a file, 1-based line and column. */
export interface SourcePosition {
  /** 1-based line number. */
  line: number;
  /** 1-based column number. */
  column: number;
}

/**
 * An error in a user's cell source, found before the cell runs (syntax, illegal assignment...).
 * `line`/`column` are relative to the cell's own source, 1-based.
 */
export class CellSyntaxError extends SyntaxError {
  readonly line: number;
  readonly column: number;
  constructor(message: string, position: SourcePosition, options?: ErrorOptions) {
    super(`${message} (${position.line}:${position.column})`, options);
    this.name = "CellSyntaxError";
    this.line = position.line;
    this.column = position.column;
  }
}
