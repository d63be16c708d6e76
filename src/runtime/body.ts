/** A compiled cell body as a callable function. */
export type CellFunction = (...inputs: any[]) => unknown;

/**
 * Turns a compiled body's source into a function. The reader never calls this: built pages embed
 * bodies as code. Only the editor and tests evaluate source, with an indirect eval so the body
 * sees global scope only.
 */
export function evaluateBody(source: string): CellFunction {
  const indirectEval = eval;
  return indirectEval(`(${source})`) as CellFunction;
}
