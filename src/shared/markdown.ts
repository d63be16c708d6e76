import MarkdownIt from "markdown-it";
import {headingSlug} from "./heading-slug.ts";
import {sanitizeHtml} from "./sanitize.ts";

type Renderer = ReturnType<typeof MarkdownIt>;

let renderer: Renderer | undefined;

/**
 * Renders Markdown to HTML with markdown-it (no linkify, no typographer). The author's raw HTML is
 * kept but sanitised (`sanitizeHtml`, trusted policy): it never runs script. Build-time
 * pre-rendering and the runtime `md` builtin both use it, so a static page and a live one show
 * the same HTML. Every heading gets an id (its slug; `-2`, `-3` for repeats in one
 * text) and a link to itself, so a reader can link to it.
 */
export function renderMarkdown(source: string): string {
  renderer ??= withHeadingAnchors(new MarkdownIt({html: true, linkify: false, typographer: false}));
  return sanitizeHtml(renderer!.render(source), "trusted");
}

function withHeadingAnchors(md: Renderer): Renderer {
  md.core.ruler.push("mapt_heading_ids", (state) => {
    const seen = new Map<string, number>();
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open" || token.attrGet("id") !== null) return;
      const base = headingSlug(state.tokens[i + 1]?.content ?? "");
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      token.attrSet("id", count === 1 ? base : `${base}-${count}`);
    });
  });
  const open = md.renderer.rules.heading_open;
  md.renderer.rules.heading_open = (tokens, i, options, env, self) => {
    const html = open ? open(tokens, i, options, env, self) : self.renderToken(tokens, i, options);
    const id = String(tokens[i]!.attrGet("id"));
    // An empty link (its "#" is drawn by CSS): the heading's text stays the heading's text.
    return `${html}<a class="mapt-anchor" href="#${md.utils.escapeHtml(id)}" aria-label="Link to this heading"></a>`;
  };
  return md;
}
