import MarkdownIt from "markdown-it";

let renderer: ReturnType<typeof MarkdownIt> | undefined;

/**
 * Renders Markdown to HTML with markdown-it (raw HTML allowed; no linkify, no typographer).
 * Build-time pre-rendering and the runtime `md` builtin both use it, so a static page and a live
 * one show the same HTML.
 */
export function renderMarkdown(source: string): string {
  renderer ??= new MarkdownIt({html: true, linkify: false, typographer: false});
  return renderer.render(source);
}
