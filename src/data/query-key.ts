/** The key of a query: its text and its parameters as JSON (Dates as ISO strings). */
export function queryKey(sql: string, params: readonly unknown[]): string {
  return JSON.stringify([sql, params.map(paramValue)]);
}

/** A query parameter as JSON keeps it (Dates as ISO strings, bigints as numbers). */
export function paramValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return value ?? null;
}
