/**
 * Observable Inputs with its stylesheet: the widgets (a table's scrolling, a slider's layout)
 * depend on it. Loaded on first use.
 */
export async function loadInputs(): Promise<typeof import("@observablehq/inputs")> {
  const [inputs] = await Promise.all([import("@observablehq/inputs"), import("@observablehq/inputs/dist/index.css")]);
  return inputs;
}
