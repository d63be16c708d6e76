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

/** The theme an unknown name shows, as in Notebook Kit. */
const DEFAULT_THEME: ThemeName = "air";

/** A notebook without a `theme` attribute follows the reader: air, or midnight in dark mode. */
const FOLLOW_READER = {type: "light-dark", light: "air", dark: "midnight"} as const satisfies PageTheme;

/**
 * A page's colours: one theme, or (`theme="light-dark(air, midnight)"`) a light and a dark one,
 * of which the reader's `prefers-color-scheme` picks.
 */
export type PageTheme = {type: "single"; theme: ThemeName} | {type: "light-dark"; light: ThemeName; dark: ThemeName};

/**
 * The reader's choice of colours, kept in this browser: "auto" follows the system's setting
 * where the notebook lets it (no theme, or `light-dark(a, b)`); "light" and "dark" pick that
 * side of every page, a light or dark theme of the notebook's own when it has one.
 */
export type ColorScheme = "auto" | "light" | "dark";

/**
 * The theme a notebook's `theme` attribute names: one of {@link THEMES}, or `light-dark(a, b)`
 * with two of them. Without the attribute, the page follows the reader (`light-dark(air,
 * midnight)`); an unknown name falls back to {@link DEFAULT_THEME}.
 */
export function parsePageTheme(attribute: string | undefined): PageTheme {
  const value = attribute?.trim().toLowerCase() ?? "";
  if (value === "") return FOLLOW_READER;
  const pair = /^light-dark\(\s*([a-z-]+)\s*,\s*([a-z-]+)\s*\)$/.exec(value);
  if (pair !== null) return {type: "light-dark", light: themeName(pair[1]!), dark: themeName(pair[2]!)};
  return {type: "single", theme: themeName(value)};
}

function themeName(name: string): ThemeName {
  return Object.hasOwn(THEMES, name) ? (name as ThemeName) : DEFAULT_THEME;
}

/**
 * The theme a page shows for the reader's {@link ColorScheme}: the notebook's own under "auto";
 * under "light" or "dark", that side of a light-dark pair, a single theme when it already is
 * that side, else air (light) or midnight (dark).
 */
export function effectiveTheme(theme: PageTheme, scheme: ColorScheme): PageTheme {
  if (scheme === "auto") return theme;
  if (theme.type === "light-dark") return {type: "single", theme: theme[scheme]};
  if (THEMES[theme.theme] === scheme) return theme;
  return {type: "single", theme: scheme === "dark" ? FOLLOW_READER.dark : FOLLOW_READER.light};
}

/** The attributes that give `<html>` and `<body>` a theme, by name (see {@link themeAttributes}). */
export interface ThemeAttributeValues {
  html: Record<string, string>;
  body: Record<string, string>;
}

/**
 * The attributes that give a page its theme (src/ui/themes/themes.css reads them): for one
 * theme, `data-theme` on `<html>` and `<body>`; for a light and a dark theme, the dark one on
 * `<html>` and the light one on `<body>`, marked `data-theme-dark` so dark readers see `<html>`'s.
 */
export function themeAttributeValues(theme: PageTheme): ThemeAttributeValues {
  switch (theme.type) {
    case "single":
      return {html: {"data-theme": theme.theme}, body: {"data-theme": theme.theme}};
    case "light-dark":
      return {html: {"data-theme": theme.dark}, body: {"data-theme": theme.light, "data-theme-dark": theme.dark}};
    default:
      return assertNever(theme);
  }
}

/** {@link themeAttributeValues} as HTML attribute text, each with a leading space. */
export function themeAttributes(theme: PageTheme): {html: string; body: string} {
  const text = (attributes: Record<string, string>) => Object.entries(attributes).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join("");
  const values = themeAttributeValues(theme);
  return {html: text(values.html), body: text(values.body)};
}

/** The theme a page's attributes give it: what {@link themeAttributeValues} wrote, read back. */
export function readPageTheme(html: {getAttribute(name: string): string | null}, body: {getAttribute(name: string): string | null}): PageTheme {
  const light = body.getAttribute("data-theme") ?? html.getAttribute("data-theme");
  const dark = body.getAttribute("data-theme-dark");
  if (light === null) return FOLLOW_READER;
  if (dark !== null) return {type: "light-dark", light: themeName(light), dark: themeName(dark)};
  return {type: "single", theme: themeName(light)};
}
