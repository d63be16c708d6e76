import type {CellJavaScript} from "./cellJavaScript.ts";
import {escapeTemplateText, parseTemplate} from "./parseTemplate.ts";

/** Options of {@link templateJavaScript}. */
export interface TemplateOptions {
  /**
   * Call the tag with a strings array whose `raw` is also the exact text, for tags that read
   * `strings.raw` as Observable's `tex` does (so `\frac` stays TeX). Default false: the tag's
   * cooked strings are the exact text (tags must not rely on `strings.raw`).
   */
  raw?: boolean;
  /**
   * Call `tag` with the values alone, `tag((a), (b))`, for a tag that already holds the text
   * (a Markdown cell's, rendered by the compiler). Default false.
   */
  valuesOnly?: boolean;
}

/** A copied stretch of the cell's source: `length` characters at `js` in the output, `cell` in the input. */
interface Span {
  js: number;
  cell: number;
  length: number;
}

/**
 * A template-literal cell (Markdown, HTML, TeX, SQL) as one tagged template expression:
 * `tag\`text ${expression} text\``. Interpolations are copied verbatim, so the compiler's passes
 * see them as any other JavaScript and errors map back to the cell's line and column.
 */
export function templateJavaScript(source: string, tag: string, options: TemplateOptions = {}): CellJavaScript {
  const {quasis, expressions} = parseTemplate(source);
  const spans: Span[] = [];
  let out = "";
  const copy = (start: number, end: number) => {
    spans.push({js: out.length, cell: start, length: end - start});
    out += source.slice(start, end);
  };
  if (options.valuesOnly) {
    out = `${tag}(`;
    expressions.forEach((expression, i) => {
      out += i === 0 ? "(" : ", (";
      copy(expression.start, expression.end);
      out += ")";
    });
    out += ")";
  } else if (options.raw) {
    const strings = JSON.stringify(quasis);
    out = `${tag}(Object.freeze(Object.assign(${strings}, {raw: ${strings}}))`;
    for (const expression of expressions) {
      out += ", (";
      copy(expression.start, expression.end);
      out += ")";
    }
    out += ")";
  } else {
    out = `${tag}\`${escapeTemplateText(quasis[0]!)}`;
    expressions.forEach((expression, i) => {
      out += "${";
      copy(expression.start, expression.end);
      out += "}" + escapeTemplateText(quasis[i + 1]!);
    });
    out += "`";
  }
  return {
    source: out,
    toCell: (offset) => {
      let span: Span | undefined;
      for (const s of spans) if (s.js <= offset) span = s;
      return span === undefined ? 0 : span.cell + Math.min(offset - span.js, span.length);
    },
    staticText: expressions.length === 0 ? quasis[0] : undefined,
    autodisplay: true
  };
}
