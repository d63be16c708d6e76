/** The `tex` tagged template (raw strings, so `\frac` stays TeX): inline; `tex.block` for display math. */
export type TexTag = ((strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement) & {
  block: (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;
};

/**
 * Loads KaTeX (and its stylesheet) and makes the `tex` builtin for `document`. Interpolated
 * values join the TeX source as text. A TeX error renders as KaTeX's red error text, not a throw.
 */
export async function loadTex(document: Document): Promise<TexTag> {
  const [{default: katex}] = await Promise.all([import("katex"), import("katex/dist/katex.min.css")]);
  const render = (displayMode: boolean) => (strings: TemplateStringsArray, ...values: unknown[]) => {
    const element = document.createElement(displayMode ? "div" : "span");
    const source = String.raw(strings, ...values); // raw: `\frac` must not become a form feed
    // renderToString, not render: katex.render builds nodes in the global document, which may not be `document`.
    element.innerHTML = katex.renderToString(source, {displayMode, throwOnError: false});
    return element;
  };
  return Object.assign(render(false), {block: render(true)});
}
