import type * as Factories from "apache-arrow/factories";

/**
 * What Arrow's `table.mjs` imports from its `factories.mjs` (Arrow's builders, ~5 kB gzip), for
 * the build (src/vite/import-redirects.ts): `vectorFromArray`, which only its `tableFromArrays`
 * calls, as a function that calls the one src/data/arrow-factories-ready.ts provides. That module
 * loads with all of Arrow (the `Arrow` builtin, `import("apache-arrow")`), the only way to reach
 * `tableFromArrays`; the query results a reader page reads never need the builders.
 */
let factories: typeof Factories | undefined;

/** Gives Arrow's tables its builders (arrow-factories-ready.ts does, as it loads). */
export function provideArrowFactories(module: typeof Factories): void {
  factories = module;
}

export const vectorFromArray = ((...args: Parameters<typeof Factories.vectorFromArray>) => {
  // Our own bug if it happens: tableFromArrays is exported by all of Arrow only, which provides them.
  if (factories === undefined) throw new Error("Arrow's vectorFromArray was called before all of Arrow loaded (src/data/arrow-table-factories.ts)");
  return factories.vectorFromArray(...args);
}) as typeof Factories.vectorFromArray;
