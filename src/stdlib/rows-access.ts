/** The parts of an Arrow table that row access needs. */
interface RowTable {
  numRows: number;
  get(index: number): unknown;
  [Symbol.iterator](): Iterator<unknown>;
}

/** Array methods that read (none that sort or change the array in place). */
const readingMethods = new Set([
  "map", "filter", "forEach", "reduce", "reduceRight", "find", "findIndex", "findLast", "findLastIndex",
  "some", "every", "flatMap", "join", "entries", "keys", "values"
]);
const index = /^(?:0|[1-9]\d*)$/;

/**
 * A SQL cell's Arrow table that also reads like the array of rows Notebook Kit gives a shown SQL
 * cell's `output`: `rows.length`, `rows[0]`, `rows.map(...)`, `rows.filter(...)`. Arrow's own
 * members (`numRows`, `get`, `at`, `slice`, `toArray`, `schema`...) come first and are unchanged,
 * and `in` and `Object.keys` see only the table, so code that tells an Arrow table from an array
 * (Plot, Inputs, Arquero, DuckDB) still sees a table.
 */
export function withRowAccess<T extends RowTable>(table: T): T {
  return new Proxy(table, {
    get(target, key, receiver) {
      if (typeof key !== "string" || key in target) return Reflect.get(target, key, receiver);
      if (key === "length") return target.numRows;
      if (index.test(key)) return Number(key) < target.numRows ? target.get(Number(key)) : undefined;
      if (readingMethods.has(key)) {
        const rows = Array.from(target) as unknown as Record<string, (...args: unknown[]) => unknown>;
        return rows[key]!.bind(rows);
      }
      return Reflect.get(target, key, receiver);
    }
  });
}
