import type {SampleDatasetName} from "./sample-dataset-names.ts";

/**
 * Notebook Kit's sample datasets (`penguins`, `aapl`...), read from the copy of
 * @observablehq/sample-datasets the app bundles: CSV files as arrays of typed rows (numbers,
 * dates and booleans as d3.autoType reads them), `miserables` as its JSON object. Each file is a
 * chunk of its own, loaded the first time a cell names it; Notebook Kit fetches them from jsDelivr.
 */
export const SAMPLE_DATASETS: Record<SampleDatasetName, () => Promise<unknown>> = {
  aapl: () => csv(import("@observablehq/sample-datasets/aapl.csv?raw")),
  alphabet: () => csv(import("@observablehq/sample-datasets/alphabet.csv?raw")),
  cars: () => csv(import("@observablehq/sample-datasets/cars.csv?raw")),
  citywages: () => csv(import("@observablehq/sample-datasets/citywages.csv?raw")),
  diamonds: () => csv(import("@observablehq/sample-datasets/diamonds.csv?raw")),
  flare: () => csv(import("@observablehq/sample-datasets/flare.csv?raw")),
  industries: () => csv(import("@observablehq/sample-datasets/industries.csv?raw")),
  miserables: () => import("@observablehq/sample-datasets/miserables.json?raw").then((m) => JSON.parse(m.default) as unknown),
  olympians: () => csv(import("@observablehq/sample-datasets/olympians.csv?raw")),
  penguins: () => csv(import("@observablehq/sample-datasets/penguins.csv?raw")),
  pizza: () => csv(import("@observablehq/sample-datasets/pizza.csv?raw")),
  weather: () => csv(import("@observablehq/sample-datasets/weather.csv?raw"))
};

async function csv(file: Promise<{default: string}>): Promise<object[]> {
  const [{default: text}, d3] = await Promise.all([file, import("d3-dsv")]);
  return d3.csvParse(text, d3.autoType);
}
