import {quoteIdentifier} from "./formats.ts";

/**
 * DuckDB's keywords that cannot stand as a bare column or table name (categories `reserved` and
 * `type_function` of `duckdb_keywords()` in DuckDB 1.4).
 */
const KEYWORDS = new Set(
  ("all analyse analyze and anti any array as asc asof asymmetric at authorization binary both by case cast check collate " +
    "collation column columns concurrently constraint create cross default deferrable desc describe distinct do else end " +
    "except false fetch for foreign freeze from full generated glob group having ilike in initially inner intersect into is " +
    "isnull join lambda lateral leading left like limit map natural not notnull null offset on only or order outer overlaps " +
    "pivot pivot_longer pivot_wider placing positional primary qualify references returning right select semi show similar " +
    "some struct summarize symmetric table tablesample then to trailing true try_cast union unique unpack unpivot using " +
    "variadic verbose when where window with").split(" ")
);

/** A table or column name as SQL text: bare when it reads back as itself, else quoted (`"Two words"`). */
export function sqlName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !KEYWORDS.has(name) ? name : quoteIdentifier(name);
}
