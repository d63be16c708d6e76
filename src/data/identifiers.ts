/**
 * Lists the identifiers a SQL text mentions, lower-cased (DuckDB matches names case-insensitively
 * even when quoted). Skips string literals (`'…'`, `E'…\'…'`, `$tag$…$tag$`), line and block
 * comments; a `"quoted identifier"` counts with its quotes removed. Keywords are included: the
 * caller intersects the result with the names it cares about.
 */
export function findIdentifiers(sql: string): Set<string> {
  const found = new Set<string>();
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const c = sql[i];
    if (c === "'") {
      i = skipQuoted(sql, i, "'");
    } else if (c === '"') {
      const end = skipQuoted(sql, i, '"');
      found.add(sql.slice(i + 1, end - 1).replaceAll('""', '"').toLowerCase());
      i = end;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? n : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "$") {
      i = skipDollarQuoted(sql, i);
    } else if ((c === "e" || c === "E") && sql[i + 1] === "'") {
      i = skipEscapeString(sql, i + 1);
    } else if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < n && isIdentifierPart(sql[end])) end++;
      found.add(sql.slice(i, end).toLowerCase());
      i = end;
    } else {
      i++;
    }
  }
  return found;
}

/** Returns the index just past the closing quote; a doubled quote is an escaped one. */
function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** An `E'…'` string, where a backslash escapes the next character (`E'it\'s'`). */
function skipEscapeString(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === "\\") i += 2;
    else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
    else if (sql[i] === "'") return i + 1;
    else i++;
  }
  return sql.length;
}

/** `$$…$$` or `$tag$…$tag$`; a lone `$` (e.g. a `$1` parameter) is skipped as one character. */
function skipDollarQuoted(sql: string, start: number): number {
  const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(start))?.[0];
  if (tag === undefined) return start + 1;
  const end = sql.indexOf(tag, start + tag.length);
  return end < 0 ? sql.length : end + tag.length;
}

function isIdentifierStart(c: string): boolean {
  return /[\p{L}_]/u.test(c);
}

function isIdentifierPart(c: string): boolean {
  return /[\p{L}\p{N}_$]/u.test(c);
}
