import type {BuiltinName} from "./builtin-names.ts";

/**
 * Notebook Kit's sample datasets (`penguins`...), names of `BUILTINS` (builtin-names.ts): `createBuiltins`
 * gives each a definition that loads their loaders (sample-datasets.ts) on first use.
 */
export const sampleDatasetNames = ["aapl", "alphabet", "cars", "citywages", "diamonds", "flare", "industries", "miserables", "olympians", "penguins", "pizza", "weather"] as const satisfies readonly BuiltinName[];

/** A name of {@link sampleDatasetNames}. */
export type SampleDatasetName = (typeof sampleDatasetNames)[number];
