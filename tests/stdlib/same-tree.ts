import {parse as acornParse, type ecmaVersion} from "acorn";
import {expect} from "vitest";
import {parse, type ParseOptions} from "../../src/stdlib/js-parser.ts";

/** A tree as plain data: every field (an `undefined` one too), regular expressions and BigInts as text. */
function plain(value: unknown): unknown {
  if (value === undefined) return "<undefined>";
  if (value instanceof RegExp) return `RegExp ${String(value)}`;
  if (typeof value === "bigint") return `BigInt ${value}`;
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, plain(field)]));
}

/** Asserts that our parser's tree for `source` is acorn's, field for field. */
export function expectSameTree(source: string, options: ParseOptions = {ecmaVersion: "latest"}): void {
  const expected = plain(acornParse(source, {ecmaVersion: (options.ecmaVersion ?? "latest") as ecmaVersion}));
  expect(plain(parse(source, options)), source).toEqual(expected);
}

/** Asserts that acorn rejects `source` and our parser does too, with a SyntaxError at a `line:column`. */
export function expectBothReject(source: string, options: ParseOptions = {ecmaVersion: "latest"}): SyntaxError {
  expect(() => acornParse(source, {ecmaVersion: (options.ecmaVersion ?? "latest") as ecmaVersion}), `acorn accepts ${source}`).toThrow(SyntaxError);
  let error: unknown;
  try {
    parse(source, options);
  } catch (caught) {
    error = caught;
  }
  expect(error, `ours accepts ${source}`).toBeInstanceOf(SyntaxError);
  expect((error as SyntaxError).message, source).toMatch(/ \(\d+:\d+\)$/);
  return error as SyntaxError;
}
