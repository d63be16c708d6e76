import {effectiveTheme, readPageTheme, themeAttributeValues, type ColorScheme, type PageTheme} from "../shared/index.ts";

/** Where this browser keeps the reader's {@link ColorScheme}. */
const STORAGE_KEY = "mapt:color-scheme";

const choices: Array<{scheme: ColorScheme; label: string}> = [
  {scheme: "auto", label: "Auto (system)"},
  {scheme: "light", label: "Light"},
  {scheme: "dark", label: "Dark"}
];

/** The reader's choice kept in `storage`; "auto" when none (or storage is unavailable). */
export function storedColorScheme(storage: Pick<Storage, "getItem"> | undefined): ColorScheme {
  let value: string | null = null;
  try {
    value = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage refused (a private window, a sandbox): follow the system.
  }
  return value === "light" || value === "dark" ? value : "auto";
}

/** Gives the page the attributes of `theme` as `scheme` shows it (the stylesheet does the rest). */
export function applyColorScheme(document: Document, theme: PageTheme, scheme: ColorScheme): void {
  const values = themeAttributeValues(effectiveTheme(theme, scheme));
  const set = (element: Element, attributes: Record<string, string>) => {
    for (const name of ["data-theme", "data-theme-dark"]) {
      const value = attributes[name];
      if (value === undefined) element.removeAttribute(name);
      else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
  };
  set(document.documentElement, values.html);
  set(document.body, values.body);
}

/**
 * Puts a Colours switch (Auto, Light, Dark) in the page bar and shows the page as this browser's
 * choice says. The notebook's own theme is read once from the page, so switching back to Auto
 * restores it; the choice is kept in `localStorage` and followed by the browser's other pages.
 * The `dark` builtin follows, since it watches the page's theme attributes.
 */
export function offerColorSchemeSwitch(bar: HTMLElement): void {
  const document = bar.ownerDocument;
  const view = document.defaultView;
  let storage: Storage | undefined;
  try {
    storage = view?.localStorage;
  } catch {
    storage = undefined;
  }
  const theme = readPageTheme(document.documentElement, document.body);
  const label = document.createElement("label");
  label.className = "mapt-color-scheme";
  label.append("Colours ");
  const select = document.createElement("select");
  // Named without the chosen option's text, which a wrapping label would add.
  select.setAttribute("aria-label", "Colours");
  for (const {scheme, label: text} of choices) select.append(new Option(text, scheme));
  label.append(select);
  bar.append(label);

  const show = (scheme: ColorScheme) => {
    select.value = scheme;
    applyColorScheme(document, theme, scheme);
  };
  select.addEventListener("change", () => {
    const scheme = select.value as ColorScheme;
    try {
      if (scheme === "auto") storage?.removeItem(STORAGE_KEY);
      else storage?.setItem(STORAGE_KEY, scheme);
    } catch {
      // Not kept: the choice holds for this page only.
    }
    show(scheme);
  });
  view?.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY || event.key === null) show(storedColorScheme(storage));
  });
  show(storedColorScheme(storage));
}
