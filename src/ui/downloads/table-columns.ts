/** One column of a table to download: its name, what its values are, and the values. */
export interface DownloadColumn {
  name: string;
  /**
   * How to write the column's dates: Arrow's date columns (days) as `YYYY-MM-DD`, its timestamps
   * and any JavaScript `Date` as an ISO instant. "value": as the values are.
   */
  kind: "date" | "timestamp" | "value";
  /** One value per row; `null` for missing. Arrow dates and timestamps are `Date`s here. */
  values: unknown[];
}

/** An Arrow table as DuckDB returns it (duck-typed: the page may hold several Arrow copies). */
interface ArrowLike {
  numRows: number;
  schema: {fields: Array<{name: string; type: {typeId: number}}>};
  getChild(name: string): Iterable<unknown> | null;
}

// Arrow's Type ids (apache-arrow src/enum.ts) of the columns that hold dates as numbers.
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

/**
 * The columns of a table's data, in the order the table shows them: an Arrow table (a SQL
 * result), an Arquero table, or an array (any iterable) of row objects. `shown` keeps the
 * columns a table was told to show. Throws, naming what it got, for data that is no table.
 */
export function tableColumns(data: unknown, shown?: readonly string[]): DownloadColumn[] {
  const columns = isArrowLike(data) ? arrowColumns(data) : rowColumns(rowsOf(data));
  if (shown === undefined) return columns;
  return shown.map((name) => columns.find((c) => c.name === name) ?? {name, kind: "value", values: columns[0]?.values.map(() => null) ?? []});
}

function isArrowLike(data: unknown): data is ArrowLike {
  const table = data as ArrowLike | null;
  return typeof table === "object" && table !== null && typeof table.numRows === "number" && Array.isArray(table.schema?.fields) && typeof table.getChild === "function";
}

function arrowColumns(table: ArrowLike): DownloadColumn[] {
  return table.schema.fields.map((field) => {
    const values = Array.from(table.getChild(field.name) ?? [], (value) => value ?? null);
    const typeId = field.type.typeId;
    if (typeId !== ARROW_DATE && typeId !== ARROW_TIMESTAMP) return {name: field.name, kind: "value", values};
    // Arrow JS gives dates and timestamps as milliseconds since 1970.
    const dates = values.map((v) => (typeof v === "number" ? new Date(v) : v instanceof Date ? v : null));
    return {name: field.name, kind: typeId === ARROW_DATE ? "date" : "timestamp", values: dates};
  });
}

function rowsOf(data: unknown): unknown[] {
  const arquero = data as {objects?: () => unknown[]; columnNames?: () => string[]} | null;
  if (typeof arquero?.objects === "function" && typeof arquero.columnNames === "function") return arquero.objects();
  if (typeof data === "object" && data !== null && Symbol.iterator in data) return Array.from(data as Iterable<unknown>);
  throw new TypeError(`cannot download ${describe(data)} as a table: expected rows (an array of objects) or an Arrow or Arquero table`);
}

/** Columns of row objects: every key in the order first seen; rows of plain values make one column "value". */
function rowColumns(rows: unknown[]): DownloadColumn[] {
  const names = new Set<string>();
  const objects = rows.every((row) => typeof row === "object" && row !== null && !(row instanceof Date));
  if (!objects) return [{name: "value", kind: "value", values: rows.map((row) => row ?? null)}];
  for (const row of rows) for (const key of Object.keys(row as object)) names.add(key);
  return [...names].map((name) => {
    const values = rows.map((row) => (row as Record<string, unknown>)[name] ?? null);
    return {name, kind: values.some((v) => v instanceof Date) ? "timestamp" : "value", values};
  });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return `a ${typeof value}`;
}
