/**
 * The data behind a table element: what a table's Download CSV and Parquet write. Observable
 * Inputs' table keeps its data to itself, so the `Inputs` builtin records it here as it makes
 * the table; the SQL result view records its Arrow table the same way.
 */
export interface TableData {
  /** The rows: an Arrow table, an array of objects, an Arquero table, or any iterable of objects. */
  data: unknown;
  /** The columns the table shows, in order; absent: every column of the data. */
  columns?: readonly string[];
}

// A WeakMap, not a property on the element: the element's owner may be any document.
const tables = new WeakMap<Element, TableData>();

/** Records the data `element` shows as a table. */
export function rememberTableData(element: Element, table: TableData): void {
  tables.set(element, table);
}

/** The data `element` shows as a table, if it is one. */
export function maybeTableData(element: Element): TableData | undefined {
  return tables.get(element);
}

type InputsMembers = Partial<typeof import("@observablehq/inputs")>;

/** Observable Inputs whose tables record their data (and shown columns) for downloads; without `table`, as they are. */
export function withTableData<T extends InputsMembers>(Inputs: T): T {
  const input = Inputs.table;
  if (input === undefined) return Inputs;
  const table: typeof input = (data, options = {}) => {
    const element = input(data, options);
    const columns = (options as {columns?: unknown}).columns;
    rememberTableData(element, {data, columns: Array.isArray(columns) ? columns.map(String) : undefined});
    return element;
  };
  return {...Inputs, table};
}
