/**
 * What `JSON.parse` threw on `text`, for a person: the reason without the engine's wording of
 * where, and the 1-based line and column it happened at (when the engine gave an offset).
 */
export function jsonProblem(text: string, error: unknown): {reason: string; position: {line?: number; column?: number}} {
  if (text.trim() === "") return {reason: "the file is empty: there is nothing to read", position: {}};
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message)?.[1];
  const reason = `is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, "").replace(/ \(line \d+ column \d+\)$/, "")}`;
  if (at === undefined) return {reason, position: {}};
  const before = text.slice(0, Number(at));
  return {reason, position: {line: before.split("\n").length, column: Number(at) - before.lastIndexOf("\n")}};
}
