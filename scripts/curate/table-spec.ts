/** A column of a curated table as the catalog documents it. */
export interface ColumnSpec {
  name: string;
  /** DuckDB type a reader gets from the CSV (read_csv auto-detection). */
  type: "VARCHAR" | "BIGINT" | "DOUBLE" | "BOOLEAN" | "DATE";
  /** Unit of the values, or `null` when the column is not a measurement. */
  unit: string | null;
  description: string;
}

/** A curated table as the catalog documents it. */
export interface TableSpec {
  name: string;
  description: string;
  /** What one row is. */
  grain: string;
  /** Columns that identify a row; the writer checks they are unique. */
  key: string[];
  /** Ids of the sources the rows come from (see the sources table). */
  sources: string[];
  columns: ColumnSpec[];
}

/** Shorthand for a {@link ColumnSpec}; `unit` defaults to `null`. */
export const col = (name: string, type: ColumnSpec["type"], description: string, unit: string | null = null): ColumnSpec =>
  ({name, type, unit, description});
