/** What SQL completion offers first at the cursor. */
export type SqlCompletionTarget = "columns" | "tables";

/** Keywords after which a table name comes next. */
const TABLE_KEYWORDS = new Set(["from", "join", "into", "update", "table", "describe", "summarize"]);

/** Keywords after which a column (or an expression over columns) comes next. */
const COLUMN_KEYWORDS = new Set([
  "select", "where", "and", "or", "not", "on", "by", "having", "qualify", "set", "using", "when", "then", "else", "case",
  "distinct", "in", "between", "like", "ilike", "is", "values", "returning"
]);

/**
 * Whether columns or tables rank first at the end of `textBefore` (the query up to the cursor):
 * tables after `FROM`, `JOIN`, `INTO`, `UPDATE`, `TABLE`, `DESCRIBE`, `SUMMARIZE`; columns after
 * `SELECT`, `WHERE`, `AND`, `OR`, `ON`, `BY`, `HAVING`… (the last such keyword decides, so
 * `FROM a, b` still wants tables and `SELECT x, y` columns). String literals, quoted names,
 * comments and `${…}` interpolations are skipped. With no keyword yet: columns.
 */
export function sqlCompletionTarget(textBefore: string): SqlCompletionTarget {
  const code = textBefore
    .replace(/\$\{[^}]*\}?/g, " ")
    .replace(/'(?:[^']|'')*'?/g, " ")
    .replace(/"(?:[^"]|"")*"?/g, " x ")
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, " ");
  const words = code.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    if (TABLE_KEYWORDS.has(words[i]!)) return "tables";
    if (COLUMN_KEYWORDS.has(words[i]!)) return "columns";
  }
  return "columns";
}
