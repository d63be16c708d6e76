/** A compiled cell body as a callable function. */
export type CellFunction = (...inputs: any[]) => unknown;

/**
 * Turns a compiled body's source into a function. The reader never calls this: built pages embed
 * bodies as code. Only the editor and tests evaluate source; `Function` gives the body global
 * scope only, never this module's.
 */
export function evaluateBody(source: string): CellFunction {
  return new Function(`return (${source});`)() as CellFunction;
}
