import {quantize} from "d3-interpolate";
import {interpolateGreys, interpolateRainbow, interpolateRdBu, interpolateRdYlBu, interpolateTurbo, schemeGreys, schemeObservable10, schemeRdBu, schemeRdYlBu} from "d3-scale-chromatic";
import {plotCategoricalSchemes, plotDivergingSchemes, plotSequentialSchemes} from "./plot-scheme-names.ts";

/**
 * What the modules of Plot's scales import from its `scales/schemes.js`, for the build (see
 * src/vite/import-redirects.ts): Plot's module builds every scheme of d3-scale-chromatic (6.8 kB
 * gzip) as it loads. This one holds the schemes Plot's scales use when a chart names none
 * (plot-scheme-names.ts) and hands every call to Plot's own module once a page's Plot provides it
 * (all of Plot does, and a trimmed Plot whose page's cells name another scheme).
 */

/** A scheme's colors for an ordinal scale: fixed, or made for the domain's length. */
export type OrdinalSchemeRange = readonly string[] | ((options: {length: number}) => readonly string[]);

/** The exports of Plot's `scales/schemes.js`. */
export interface PlotSchemes {
  isCategoricalScheme(scheme: unknown): boolean;
  isDivergingScheme(scheme: unknown): boolean;
  ordinalScheme(scheme: unknown): OrdinalSchemeRange;
  ordinalRange(scheme: unknown, length: number): readonly string[];
  maybeBooleanRange(domain: Iterable<unknown>, scheme?: unknown): string[] | undefined;
  quantitativeScheme(scheme: unknown): (t: number) => string;
}

let all: PlotSchemes | undefined;

/** Gives Plot all its schemes (src/vite/plot-members.ts's `allPlotSchemesCode` does, as Plot loads). */
export function provideAllPlotSchemes(module: PlotSchemes): void {
  all = module;
}

type Interpolate = (t: number) => string;

/** A single-hue scheme's ordinal colors: its discrete sets up to 9, sampled beyond; one or two colors from the set of three. */
function sequentialColors(sets: readonly (readonly string[])[], interpolate: Interpolate): OrdinalSchemeRange {
  return ({length}) => {
    if (length === 1) return [sets[3]![1]!];
    if (length === 2) return [sets[3]![1]!, sets[3]![2]!];
    const n = Math.max(3, Math.floor(length));
    return n > 9 ? quantize(interpolate, n) : sets[n]!;
  };
}

/** A diverging scheme's ordinal colors: its discrete sets up to 11, sampled beyond; two colors are the extremes. */
function divergingColors(sets: readonly (readonly string[])[], interpolate: Interpolate): OrdinalSchemeRange {
  return ({length}) => {
    if (length === 2) return [sets[3]![0]!, sets[3]![2]!];
    const n = Math.max(3, Math.floor(length));
    return n > 11 ? quantize(interpolate, n) : sets[n]!;
  };
}

const ordinalDefaults = new Map<string, OrdinalSchemeRange>([
  ["observable10", schemeObservable10],
  ["turbo", ({length}) => quantize(interpolateTurbo, Math.max(2, Math.floor(length)))],
  // Cyclical: the last sample would repeat the first.
  ["rainbow", ({length}) => quantize(interpolateRainbow, Math.floor(length) + 1).slice(0, -1)],
  ["rdbu", divergingColors(schemeRdBu, interpolateRdBu)],
  ["rdylbu", divergingColors(schemeRdYlBu, interpolateRdYlBu)],
  ["greys", sequentialColors(schemeGreys, interpolateGreys)]
]);

const quantitativeDefaults = new Map<string, Interpolate>([
  ["turbo", interpolateTurbo],
  ["rainbow", interpolateRainbow],
  ["rdbu", interpolateRdBu],
  ["rdylbu", interpolateRdYlBu],
  ["greys", interpolateGreys]
]);

const categorical = new Set(plotCategoricalSchemes);
const diverging = new Set(plotDivergingSchemes);
const known = new Set([...plotCategoricalSchemes, ...plotDivergingSchemes, ...plotSequentialSchemes]);

/** Plot's error for a name it does not know; for one it knows, what to do so the page has it. */
function missing(name: string, kind: "ordinal" | "quantitative"): Error {
  if (!known.has(name)) return new Error(`unknown ${kind} scheme: ${name}`);
  return new Error(
    `Plot's color scheme "${name}" is not on this page: none of its cells names it, so the build left it out. Name the scheme in a cell (a comment will do: // scheme: "${name}") and build again.`
  );
}

export function isCategoricalScheme(scheme: unknown): boolean {
  return scheme != null && categorical.has(`${scheme}`.toLowerCase());
}

export function isDivergingScheme(scheme: unknown): boolean {
  return scheme != null && diverging.has(`${scheme}`.toLowerCase());
}

export function ordinalScheme(scheme: unknown): OrdinalSchemeRange {
  if (all) return all.ordinalScheme(scheme);
  const name = `${scheme}`.toLowerCase();
  const range = ordinalDefaults.get(name);
  if (range === undefined) throw missing(name, "ordinal");
  return range;
}

export function ordinalRange(scheme: unknown, length: number): readonly string[] {
  if (all) return all.ordinalRange(scheme, length);
  const range = ordinalScheme(scheme);
  const colors = typeof range === "function" ? range({length}) : range;
  return colors.length === length ? colors : colors.slice(0, length);
}

/** For a domain of booleans only (nulls aside): the scheme's low color for false, its high color for true. */
export function maybeBooleanRange(domain: Iterable<unknown>, scheme: unknown = "greys"): string[] | undefined {
  if (all) return all.maybeBooleanRange(domain, scheme);
  const [low, high] = ordinalRange(scheme, 2);
  const range = new Set<string>();
  for (const value of domain) {
    if (value === true) range.add(high!);
    else if (value === false) range.add(low!);
    else if (value != null) return undefined;
  }
  return [...range];
}

export function quantitativeScheme(scheme: unknown): Interpolate {
  if (all) return all.quantitativeScheme(scheme);
  const name = `${scheme}`.toLowerCase();
  const interpolate = quantitativeDefaults.get(name);
  if (interpolate === undefined) throw missing(name, "quantitative");
  return interpolate;
}
