import {parse} from "acorn";
import {SourceError} from "./sourceError.ts";

/**
 * Throws when a compiled body is not valid JavaScript. The passes rewrite a cell's source by
 * edits; should one of them produce code that does not parse (our bug, not the author's), the
 * cell fails with this message instead of the page's module, which would stop the build of
 * every notebook built with it.
 */
export function checkBody(body: string): void {
  try {
    parse(`(${body})`, {ecmaVersion: "latest", sourceType: "module"});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SourceError(`MAPT could not compile this cell (its rewritten code does not parse: ${reason}); please report it with the cell's code`, 0);
  }
}
