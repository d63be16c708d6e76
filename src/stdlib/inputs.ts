type InputsModule = typeof import("@observablehq/inputs");

let loading: Promise<InputsModule> | undefined;
let loaded: InputsModule | undefined;

/**
 * Observable Inputs with its stylesheet: the widgets (a table's scrolling, a slider's layout)
 * depend on it. Loaded on first use; a failed load is tried again on the next call.
 */
export function loadInputs(): Promise<InputsModule> {
  loading ??= Promise.all([import("@observablehq/inputs"), import("@observablehq/inputs/dist/index.css")]).then(
    ([inputs]) => (loaded = inputs),
    (error: unknown) => {
      loading = undefined;
      throw error;
    }
  );
  return loading;
}

/**
 * Observable Inputs if {@link loadInputs} has loaded it, else `undefined`. What draws on every
 * run (a SQL cell's table) draws at once with it, in the same frame as the rest of the run's
 * outputs: awaiting the module again, even loaded, put the table a frame or more later.
 */
export function maybeLoadedInputs(): InputsModule | undefined {
  return loaded;
}
