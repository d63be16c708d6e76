import type {Completion, CompletionContext, CompletionResult, CompletionSource} from "@codemirror/autocomplete";
import type {ColumnDescription, DuckDBClient} from "../../data/index.ts";
import {BUILTINS, builtinNames} from "../../stdlib/index.ts";

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

/**
 * Completes table names, and column names of the tables a query names (or of `table.`), from
 * the page's DuckDB catalog. Catalog tables load on first need; answers are cached per table.
 */
export function sqlSchemaCompletion(database: () => Promise<DuckDBClient>): CompletionSource {
  const columns = new Map<string, Promise<ColumnDescription[]>>();
  const columnsOf = async (table: string) => {
    const key = table.toLowerCase();
    if (!columns.has(key)) columns.set(key, database().then((db) => db.describeColumns(table)).catch(() => []));
    return columns.get(key)!;
  };
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const dotted = context.matchBefore(/[\w"]+\.\w*/);
    if (dotted) {
      const [table, partial = ""] = dotted.text.replaceAll('"', "").split(".");
      const found = await columnsOf(table!);
      if (!found.length) return null;
      return {from: dotted.to - partial.length, options: found.map((c) => ({label: c.name, type: "property", detail: c.type})), validFor: /^\w*$/};
    }
    const word = context.matchBefore(/\w+/);
    if (!word && !context.explicit) return null;
    const db = await database().catch(() => undefined);
    if (!db) return null;
    const tables = await db.describeTables().catch(() => []);
    const doc = context.state.doc.toString().toLowerCase();
    const named = tables.filter((t) => new RegExp(`\\b${t.name.toLowerCase().replace(/\W/g, "\\$&")}\\b`).test(doc));
    const named_columns = (await Promise.all(named.map((t) => columnsOf(t.name)))).flat();
    const options: Completion[] = [
      ...tables.map((t) => ({label: t.name, type: "type", detail: t.kind})),
      ...named_columns.map((c) => ({label: c.name, type: "property", detail: c.type}))
    ];
    return {from: word?.from ?? context.pos, options, validFor: /^\w*$/};
  };
}
