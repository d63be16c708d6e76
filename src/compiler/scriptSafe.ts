import {tokenizer} from "acorn";
import type {CompiledCell} from "./types.ts";
import {SourceError} from "./sourceError.ts";

/**
 * Throws a `SourceError` when a compiled body reads differently as a script than as the module
 * code the compiler parsed: `<!--` and `-->` start a line comment in a script (the editor
 * evaluates bodies with `Function`, which reads scripts), but are operators in a module
 * (`a <!--b.c` is `a < !(--b.c)`). Such a body would fail or silently lose the rest of its
 * line when run, so the cell says where and how to write it instead. Cheap: only bodies that
 * hold one of the two are tokenized again. `source` is the JavaScript the passes read (the
 * error's offset is in it).
 */
export function checkScriptSafe(compiled: CompiledCell, source: string): void {
  const body = compiled.body;
  if (!/<!--|-->/.test(body)) return;
  let htmlComment = false;
  try {
    const onComment = (_block: boolean, _text: string, start: number) => {
      if (body.startsWith("<!--", start) || body.startsWith("-->", start)) htmlComment = true;
    };
    for (const _ of tokenizer(body, {ecmaVersion: "latest", sourceType: "script", onComment}));
  } catch {
    htmlComment = true;
  }
  if (!htmlComment) return;
  const at = source.search(/<!--|-->/);
  const written = source.startsWith("<!--", at) ? "<!--" : "-->";
  throw new SourceError(`"${written}" starts an HTML-style comment when the cell runs: put a space in it (for example "a < !--b" or "a-- > b")`, Math.max(0, at));
}
