import type {Completion, CompletionContext, CompletionResult, CompletionSource} from "@codemirror/autocomplete";
import {EMPTY_CATALOG_DETAILS, type CatalogDetails, type DuckDBClient} from "../../data/index.ts";
import {BUILTINS, builtinNames} from "../../stdlib/index.ts";
import {sqlCompletionTarget} from "./sql-completion-target.ts";

/** Completes other cells' names (from `names()`) and the builtins in JavaScript cells. */
export function cellNameCompletion(names: () => string[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w$]+/);
    if (!word && !context.explicit) return null;
    const from = word?.from ?? context.pos;
    if (from > 0 && context.state.sliceDoc(from - 1, from) === ".") return null;
    const options: Completion[] = [
      ...names().map((label) => ({label, type: "variable", detail: "cell"})),
      ...builtinNames.map((label) => ({label, type: "function", detail: "builtin", info: BUILTINS[label].doc}))
    ];
    return {from, options, validFor: /^[\w$]*$/};
  };
}

/** A column as completion shows it: from the catalog (with meaning and unit) or from DuckDB. */
interface ColumnInfo {
  table: string;
  name: string;
  type: string;
  unit?: string;
  description?: string;
}

/** How much the kind of name the cursor wants (columns or tables) outranks the other. */
const preferred = 50;

/**
 * Completes table names, and the columns of the tables a query names (or of `table.` and
 * `alias.`). Catalog tables and columns come with the catalog's description and unit (no table
 * is loaded to list them); the page's other tables are asked of DuckDB each time, as they change.
 * Columns rank above tables after `SELECT`, `WHERE`, `AND`…, tables above columns after `FROM`
 * and `JOIN` (see {@link sqlCompletionTarget}).
 */
export function sqlSchemaCompletion(database: () => Promise<DuckDBClient>, catalogDetails: () => Promise<CatalogDetails>): CompletionSource {
  let details: Promise<CatalogDetails> | undefined;
  const catalog = () => (details ??= catalogDetails().catch(() => EMPTY_CATALOG_DETAILS));

  const columnsOf = async (table: string): Promise<ColumnInfo[]> => {
    const entry = (await catalog()).tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
    if (entry) return entry.columns.map((c) => ({table: entry.name, name: c.name, type: c.type, unit: c.unit, description: c.description}));
    const db = await database().catch(() => undefined);
    const found = (await db?.describeColumns(table).catch(() => undefined)) ?? [];
    return found.map((c) => ({table, name: c.name, type: c.type}));
  };
  const tableNames = async (): Promise<Array<{name: string; catalog: boolean; info?: string}>> => {
    const {tables} = await catalog();
    const inCatalog = new Set(tables.map((t) => t.name.toLowerCase()));
    const db = await database().catch(() => undefined);
    const own = ((await db?.describeTables().catch(() => undefined)) ?? []).filter((t) => !inCatalog.has(t.name.toLowerCase()));
    return [
      ...tables.map((t) => ({name: t.name, catalog: true, info: [t.description, t.grain && `One row: ${t.grain.replace(/^one row per /i, "")}.`].filter(Boolean).join("\n")})),
      ...own.map((t) => ({name: t.name, catalog: false}))
    ];
  };

  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const doc = context.state.doc.toString();
    const dotted = context.matchBefore(/[\w"]+\.\w*/);
    if (dotted) {
      const [qualifier, partial = ""] = dotted.text.replaceAll('"', "").split(".");
      const names = (await tableNames()).map((t) => t.name);
      const table = names.find((name) => name.toLowerCase() === qualifier!.toLowerCase()) ?? tableOfAlias(doc, qualifier!, names);
      const found = table ? await columnsOf(table) : [];
      if (!found.length) return null;
      return {from: dotted.to - partial.length, options: columnOptions(found, 0), validFor: /^\w*$/};
    }
    const word = context.matchBefore(/\w+/);
    if (!word && !context.explicit) return null;
    const from = word?.from ?? context.pos;
    const boost = sqlCompletionTarget(context.state.sliceDoc(0, from)) === "columns" ? preferred : -preferred;
    const tables = await tableNames();
    const lowerDoc = doc.toLowerCase();
    const named = tables.filter((t) => new RegExp(`\\b${t.name.toLowerCase().replace(/\W/g, "\\$&")}\\b`).test(lowerDoc));
    const columns = (await Promise.all(named.map((t) => columnsOf(t.name)))).flat();
    const options: Completion[] = [
      ...tables.map((t) => ({label: t.name, type: "type", detail: t.catalog ? "catalog table" : "your table", info: t.info || undefined, boost: -boost})),
      ...columnOptions(columns, boost)
    ];
    return {from, options, validFor: /^\w*$/};
  };
}

/** One option per column name; a name in several tables lists each table in its info. */
function columnOptions(columns: readonly ColumnInfo[], boost: number): Completion[] {
  const byName = new Map<string, ColumnInfo[]>();
  for (const column of columns) byName.set(column.name, [...(byName.get(column.name) ?? []), column]);
  return [...byName].map(([label, same]) => {
    const first = same[0]!;
    return {
      label,
      type: "property",
      detail: first.unit ? `${first.type} · ${first.unit}` : first.type,
      info: () => columnInfo(same),
      boost
    };
  });
}

/** The completion's side note on a column: what it means and its unit, per table that has it. */
function columnInfo(columns: readonly ColumnInfo[]): HTMLElement {
  const info = document.createElement("div");
  info.className = "mapt-completion-info";
  for (const column of columns) {
    const section = document.createElement("section");
    const title = document.createElement("strong");
    title.textContent = `${column.table}.${column.name}`;
    const type = document.createElement("span");
    type.textContent = ` ${column.type}`;
    section.append(title, type);
    if (column.description) section.append(paragraph(column.description));
    if (column.unit) section.append(paragraph(`Unit: ${column.unit}`));
    info.append(section);
  }
  return info;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

/** The table an alias stands for: `FROM countries c` or `JOIN countries AS c` gives `c` → countries. */
function tableOfAlias(doc: string, alias: string, tables: readonly string[]): string | undefined {
  const escaped = alias.replace(/\W/g, "\\$&");
  return tables.find((table) => new RegExp(`\\b${table.replace(/\W/g, "\\$&")}\\s+(?:as\\s+)?${escaped}\\b`, "i").test(doc));
}
