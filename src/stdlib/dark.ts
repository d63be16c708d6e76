import {observe} from "./observe.ts";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/**
 * Whether the page shows dark colours: its theme's `color-scheme` when that is light or dark
 * alone, else (a theme that follows the reader, or none) the reader's `prefers-color-scheme`.
 */
export function isDark(document: Document): boolean {
  const view = document.defaultView;
  const scheme = view?.getComputedStyle(document.body).getPropertyValue("color-scheme").split(/\s+/) ?? [];
  const dark = scheme.includes("dark");
  if (dark !== scheme.includes("light")) return dark;
  return view?.matchMedia?.(DARK_QUERY).matches ?? false;
}

/**
 * `dark` and `Generators.dark()`: whether the page is dark now (see {@link isDark}), then again
 * each time that changes, when the reader's preference or the page's theme changes.
 */
export function darkMode(document: Document): AsyncGenerator<boolean, void, unknown> {
  return observe<boolean>((change) => {
    const view = document.defaultView;
    let last: boolean | undefined;
    const update = () => {
      const dark = isDark(document);
      if (dark !== last) change((last = dark));
    };
    const media = view?.matchMedia?.(DARK_QUERY);
    media?.addEventListener("change", update);
    const themes = view === null ? undefined : new view.MutationObserver(update);
    for (const element of [document.documentElement, document.body]) {
      themes?.observe(element, {attributes: true, attributeFilter: ["data-theme", "data-theme-dark", "class", "style"]});
    }
    update();
    return () => {
      media?.removeEventListener("change", update);
      themes?.disconnect();
    };
  });
}
