/** JavaScript's own error types: their name tells a user something. Our error classes' messages say it all. */
const jsErrorNames = new Set(["SyntaxError", "TypeError", "ReferenceError", "RangeError", "URIError", "EvalError", "AggregateError"]);

/**
 * The text a cell shows for an error: what went wrong and, when an input failed, which one.
 * Runtime errors carry `input`, the name of the variable whose failure reached this cell.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error) && !isErrorLike(error)) return `Error: ${String(error)}`;
  const {name, message} = error as Error;
  const input = (error as {input?: unknown}).input;
  if (message === "circular definition") {
    return "Circular definition: this cell depends on itself through the cells it references.";
  }
  if (typeof input === "string" && !input.startsWith("cell ") && !namesItsInput(message, input)) {
    return `Input "${input}" failed: ${message}`;
  }
  const label = jsErrorNames.has(name) ? `${name}: ` : "";
  return `${label}${message}${networkHint(message)}`;
}

/**
 * A request the page's policy refused reads to the browser like one that found no server
 * ("Failed to fetch", DuckDB's "NetworkError"): say both, and how to allow a host.
 */
function networkHint(message: string): string {
  if (!/^Failed to fetch$|NetworkError|Failed to load '?https?:/i.test(message)) return "";
  return " (a notebook page contacts only its own site, unless its <notebook> lists the host in remote-hosts; or the address did not answer)";
}

function isErrorLike(value: unknown): value is {message: string} {
  return typeof value === "object" && value !== null && typeof (value as {message?: unknown}).message === "string";
}

/** The runtime's own messages already name the input ("x is not defined"). */
function namesItsInput(message: string, input: string): boolean {
  return [`${input} is not defined`, `${input} is defined more than once`, `${input} could not be resolved`].includes(message);
}
