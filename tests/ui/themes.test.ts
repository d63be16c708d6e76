import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {effectiveTheme, parsePageTheme, readPageTheme, themeAttributes, themeAttributeValues, THEMES, type ThemeName} from "../../src/shared/index.ts";

// Reads the theme stylesheet as a browser would for one element with data-theme="name": the
// declarations of the rules that match it, in source order, with var(), color-mix(in srgb) and
// light-dark() resolved. Then checks WCAG 2 contrast of the page's text in every theme.

const css = readFileSync(path.resolve(import.meta.dirname, "../../src/ui/themes/themes.css"), "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, "");

const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selectors, body]) => ({
  selectors: selectors!.split(",").map((s) => s.trim()),
  declarations: body!
    .split(";")
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => [d.slice(0, d.indexOf(":")).trim(), d.slice(d.indexOf(":") + 1).trim()] as const)
}));

/** The declarations that apply to `<body data-theme="theme">`. */
function declarationsOf(theme: string): Map<string, string> {
  const applied = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.selectors.some((s) => s === `[data-theme="${theme}"]` || s === "[data-theme]")) continue;
    for (const [name, value] of rule.declarations) applied.set(name, value);
  }
  return applied;
}

type Rgb = [number, number, number];

/** The sRGB colour of a CSS value in the theme's declarations. */
function colorOf(value: string, declarations: Map<string, string>): Rgb {
  const text = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(text)) return [1, 3, 5].map((i) => parseInt(text.slice(i, i + 2), 16)) as Rgb;
  const call = /^([a-z-]+)\(([\s\S]*)\)$/.exec(text);
  if (call === null) throw new Error(`cannot read colour ${text}`);
  const [, name, inner] = call;
  const args = splitArguments(inner!);
  switch (name) {
    case "var": {
      const declared = declarations.get(args[0]!);
      if (declared === undefined) throw new Error(`${args[0]} is not declared`);
      return colorOf(declared, declarations);
    }
    case "light-dark":
      return colorOf(declarations.get("color-scheme") === "dark" ? args[1]! : args[0]!, declarations);
    case "color-mix": {
      expect(args[0]).toBe("in srgb");
      const [a, share] = /^(.*?)\s+([\d.]+)%$/.exec(args[1]!)!.slice(1);
      const p = Number(share) / 100;
      const x = colorOf(a!, declarations);
      const y = colorOf(args[2]!, declarations);
      return x.map((channel, i) => channel * p + y[i]! * (1 - p)) as Rgb;
    }
    default:
      throw new Error(`cannot read colour function ${name}`);
  }
}

function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return [...parts, text.slice(start).trim()];
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = (c: Rgb) => {
    const [r, g, bl] = c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Contrast of text colour variable `text` on background variable `background` in a theme. */
function contrastIn(theme: string, text: string, background: string): number {
  const declarations = declarationsOf(theme);
  return contrast(colorOf(`var(${text})`, declarations), colorOf(`var(${background})`, declarations));
}

const themes = Object.keys(THEMES) as ThemeName[];

describe("themes.css", () => {
  it("themes.css styles exactly the themes of src/shared/themes.ts, each with its colour scheme", () => {
    const styled = rules.flatMap((rule) => rule.selectors.map((s) => /^\[data-theme="([a-z-]+)"\]$/.exec(s)?.[1]).filter(Boolean));
    expect(styled.sort()).toEqual([...themes].sort());
    for (const theme of themes) expect(declarationsOf(theme).get("color-scheme"), theme).toBe(THEMES[theme]);
  });

  it.each(themes)("themes.css gives body text in %s a contrast of at least 4.5:1 (WCAG AA)", (theme) => {
    expect(contrastIn(theme, "--theme-foreground", "--theme-background")).toBeGreaterThanOrEqual(4.5);
  });

  it.each(themes)("themes.css keeps code, captions, links and errors in %s at 4.5:1 or more", (theme) => {
    expect(contrastIn(theme, "--theme-foreground", "--theme-background-alt"), "code").toBeGreaterThanOrEqual(4.5);
    expect(contrastIn(theme, "--mapt-muted", "--mapt-bg"), "captions").toBeGreaterThanOrEqual(4.5);
    expect(contrastIn(theme, "--mapt-accent", "--mapt-bg"), "links").toBeGreaterThanOrEqual(4.5);
    expect(contrastIn(theme, "--mapt-error", "--mapt-error-bg"), "errors").toBeGreaterThanOrEqual(4.5);
  });
});

describe("parsePageTheme", () => {
  it("parsePageTheme reads a theme name, light-dark(a, b), follows the reader without a theme, and falls back to air", () => {
    expect(parsePageTheme("slate")).toEqual({type: "single", theme: "slate"});
    expect(parsePageTheme(" light-dark(glacier, ocean-floor) ")).toEqual({type: "light-dark", light: "glacier", dark: "ocean-floor"});
    expect(parsePageTheme(undefined)).toEqual({type: "light-dark", light: "air", dark: "midnight"});
    expect(parsePageTheme("midnite")).toEqual({type: "single", theme: "air"});
  });

  it("themeAttributes puts the dark theme on <html> and the light one on <body> for light-dark(a, b)", () => {
    expect(themeAttributes(parsePageTheme("light-dark(air, near-midnight)"))).toEqual({
      html: ` data-theme="near-midnight"`,
      body: ` data-theme="air" data-theme-dark="near-midnight"`
    });
    expect(themeAttributes(parsePageTheme("coffee"))).toEqual({html: ` data-theme="coffee"`, body: ` data-theme="coffee"`});
  });

  it("effectiveTheme keeps the notebook's theme under auto and picks a side of it under light or dark", () => {
    const pair = parsePageTheme("light-dark(glacier, slate)");
    expect(effectiveTheme(pair, "auto")).toEqual(pair);
    expect(effectiveTheme(pair, "dark")).toEqual({type: "single", theme: "slate"});
    expect(effectiveTheme(pair, "light")).toEqual({type: "single", theme: "glacier"});
    expect(effectiveTheme(parsePageTheme("air"), "auto")).toEqual({type: "single", theme: "air"});
    expect(effectiveTheme(parsePageTheme("air"), "dark")).toEqual({type: "single", theme: "midnight"});
    expect(effectiveTheme(parsePageTheme("coffee"), "dark")).toEqual({type: "single", theme: "coffee"});
    expect(effectiveTheme(parsePageTheme("midnight"), "light")).toEqual({type: "single", theme: "air"});
  });

  it("readPageTheme reads back the theme themeAttributeValues wrote", () => {
    const element = (attributes: Record<string, string>) => ({getAttribute: (name: string) => attributes[name] ?? null});
    for (const attribute of ["midnight", "light-dark(cotton, ink)", undefined]) {
      const theme = parsePageTheme(attribute);
      const values = themeAttributeValues(theme);
      expect(readPageTheme(element(values.html), element(values.body))).toEqual(theme);
    }
  });
});
