/**
 * ndarray-fft's module. Its buffer pool (typedarray-pool) keeps its state on Node's `global` as it
 * loads, which a page lacks (jsDelivr's build, which Notebook Kit loads, rewrites the name): the
 * page's global object stands in while the package evaluates, and no `global` stays behind.
 */
export async function loadNdarrayFft(): Promise<unknown> {
  const scope = globalThis as {global?: unknown};
  const lent = !("global" in scope);
  if (lent) scope.global = globalThis;
  try {
    return await import("ndarray-fft");
  } finally {
    if (lent) delete scope.global;
  }
}
