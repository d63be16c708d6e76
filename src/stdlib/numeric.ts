/**
 * numeric's module, also kept as the page's global `numeric`: the functions numeric compiles from
 * strings run in global scope and call it by that name, as in a browser that loads its script
 * (where it is a global variable) or jsDelivr's build (whose `global.numeric =` reaches the page).
 */
export async function loadNumeric(): Promise<unknown> {
  const module = (await import("numeric")) as {default?: unknown};
  const numeric = module.default ?? module;
  (globalThis as {numeric?: unknown}).numeric ??= numeric;
  return module;
}
