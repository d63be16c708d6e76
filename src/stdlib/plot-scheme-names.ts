/**
 * The color scheme names Plot knows (its `scheme` option, any case), by kind, and the ones its
 * scales use when a chart names none. A built page whose cells name no other scheme gets a Plot
 * with these defaults only (see plot-schemes.ts); tests/vite/plot-schemes.test.ts checks the
 * lists against Plot's own.
 */
export const plotCategoricalSchemes: readonly string[] = ["accent", "category10", "dark2", "observable10", "paired", "pastel1", "pastel2", "set1", "set2", "set3", "tableau10"];

/** Diverging schemes (a `scheme` option naming one makes the scale diverging). */
export const plotDivergingSchemes: readonly string[] = ["brbg", "prgn", "piyg", "puor", "rdbu", "rdgy", "rdylbu", "rdylgn", "spectral", "burd", "buylrd"];

/** Sequential and cyclical schemes. */
export const plotSequentialSchemes: readonly string[] = [
  ...["blues", "greens", "greys", "oranges", "purples", "reds"],
  ...["turbo", "viridis", "magma", "inferno", "plasma", "cividis", "cubehelix", "warm", "cool"],
  ...["bugn", "bupu", "gnbu", "orrd", "pubu", "pubugn", "purd", "rdpu", "ylgn", "ylgnbu", "ylorbr", "ylorrd"],
  ...["rainbow", "sinebow"]
];

/**
 * The schemes Plot's scales fall back to: categorical (observable10), ordinal and continuous
 * (turbo), cyclical (rainbow), diverging (rdbu), quantile, quantize and threshold (rdylbu), and a
 * boolean domain (greys).
 */
export const plotDefaultSchemes: readonly string[] = ["observable10", "turbo", "rainbow", "rdbu", "rdylbu", "greys"];
