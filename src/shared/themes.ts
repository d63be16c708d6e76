import {assertNever} from "./assert.ts";
import {escapeHtml} from "./cell-markup.ts";

/**
 * Notebook Kit's themes and whether each is light or dark: the names a notebook's `theme`
 * attribute may take (src/ui/themes/themes.css has their colours).
 */
export const THEMES = {
  "air": "light",
  "coffee": "dark",
  "cotton": "light",
  "deep-space": "dark",
  "glacier": "light",
  "ink": "dark",
  "midnight": "dark",
  "near-midnight": "dark",
  "ocean-floor": "dark",
  "parchment": "light",
  "slate": "dark",
  "stark": "dark",
  "sun-faded": "dark"
} as const satisfies Record<string, "light" | "dark">;

/** A theme's name. */
export type ThemeName = keyof typeof THEMES;

/** The theme of a notebook without a `theme` attribute, as in Notebook Kit. */
const DEFAULT_THEME: ThemeName = "air";

/**
 * A page's colours: one theme, or (`theme="light-dark(air, midnight)"`) a light and a dark one,
 * of which the reader's `prefers-color-scheme` picks.
 */
export type PageTheme = {type: "single"; theme: ThemeName} | {type: "light-dark"; light: ThemeName; dark: ThemeName};

/**
 * The theme a notebook's `theme` attribute names: one of {@link THEMES}, or `light-dark(a, b)`
 * with two of them. Missing or unknown names fall back to {@link DEFAULT_THEME}.
 */
export function parsePageTheme(attribute: string | undefined): PageTheme {
  const value = attribute?.trim().toLowerCase() ?? "";
  const pair = /^light-dark\(\s*([a-z-]+)\s*,\s*([a-z-]+)\s*\)$/.exec(value);
  if (pair !== null) return {type: "light-dark", light: themeName(pair[1]!), dark: themeName(pair[2]!)};
  return {type: "single", theme: themeName(value)};
}

function themeName(name: string): ThemeName {
  return Object.hasOwn(THEMES, name) ? (name as ThemeName) : DEFAULT_THEME;
}

/**
 * The attributes that give a page its theme (src/ui/themes/themes.css reads them): for one
 * theme, `data-theme` on `<html>` and `<body>`; for a light and a dark theme, the dark one on
 * `<html>` and the light one on `<body>`, marked `data-theme-dark` so dark readers see `<html>`'s.
 */
export function themeAttributes(theme: PageTheme): {html: string; body: string} {
  const attribute = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;
  switch (theme.type) {
    case "single":
      return {html: attribute("data-theme", theme.theme), body: attribute("data-theme", theme.theme)};
    case "light-dark":
      return {html: attribute("data-theme", theme.dark), body: attribute("data-theme", theme.light) + attribute("data-theme-dark", theme.dark)};
    default:
      return assertNever(theme);
  }
}
