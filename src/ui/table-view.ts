import {loadInputs, rememberTableData} from "../stdlib/index.ts";

type TableInputs = typeof import("../stdlib/inputs-table.ts");

/** Inputs' table once loaded: a result drawn after that is drawn in the same task as the rest of its run's outputs. */
let tableInputs: TableInputs | undefined;
let loadingTable: Promise<TableInputs> | undefined;

/**
 * Loads Inputs' table (alone: src/stdlib/inputs-table.ts) with Inputs' stylesheet, once; a failed
 * load is tried again on the next call. Awaiting the module again on every run, even loaded, put a
 * result's table a frame or more after the other outputs of its change.
 */
export function loadTableInputs(): Promise<TableInputs> {
  loadingTable ??= loadInputs(() => import("../stdlib/inputs-table.ts")).then(
    (module) => (tableInputs = module),
    (error: unknown) => {
      loadingTable = undefined;
      throw error;
    }
  );
  return loadingTable;
}

/** An Arrow-like table: what DuckDB returns for a SQL cell. */
interface TableLike {
  numRows: number;
  schema: {fields: Array<{name: string}>};
  [Symbol.iterator](): Iterator<unknown>;
}

/** True for Arrow tables (duck-typed: the app and DuckDB may not share one Arrow class). */
export function isTableLike(value: unknown): value is TableLike {
  return (
    typeof value === "object" && value !== null &&
    typeof (value as TableLike).numRows === "number" &&
    Array.isArray((value as TableLike).schema?.fields)
  );
}

/**
 * A SQL result as a scrollable table with its row count. The table widget (Observable Inputs)
 * loads on first use, so notebooks without SQL never download it; once loaded, the table is
 * drawn at once, with the caption.
 */
export function renderTable(table: TableLike): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "mapt-table";
  const caption = document.createElement("figcaption");
  const columns = table.schema.fields.length;
  caption.textContent = `${table.numRows.toLocaleString("en-US")} row${table.numRows === 1 ? "" : "s"} × ${columns} column${columns === 1 ? "" : "s"}`;
  figure.append(caption);
  rememberTableData(figure, {data: table});
  const draw = (Inputs: TableInputs) => void figure.insertBefore(Inputs.table(table, {rows: 11.5, layout: "auto", format: yearFormats(table)}), caption);
  if (tableInputs) draw(tableInputs);
  else void loadTableInputs().then(draw);
  return figure;
}

/** Year columns print as 2011, not 2,011. */
function yearFormats(table: TableLike): Record<string, (value: unknown) => string> {
  const years = table.schema.fields.filter((f) => /(^|_)year$/i.test(f.name));
  return Object.fromEntries(years.map((f) => [f.name, (value: unknown) => (value == null ? "" : String(value))]));
}
