// The `acorn` of the copy of Arquero that tests/stdlib/js-parser-arquero.test.ts builds: our parser,
// keeping what Arquero asked it to parse.
import {parse as parseJs, type Node, type ParseOptions} from "../../src/stdlib/js-parser.ts";

/** Each text Arquero's expression parser parsed, with its options. */
export const parsedByArquero: Array<{input: string; options: ParseOptions}> = [];

export function parse(input: string, options: ParseOptions): Node {
  parsedByArquero.push({input, options});
  return parseJs(input, options);
}
