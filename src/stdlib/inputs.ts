import {withFileAttachments} from "./file-input.ts";
import {withTableData} from "./table-data.ts";

/** Observable Inputs, or some of its members (a built page loads only those its cells name). */
export type InputsMembers = Partial<typeof import("@observablehq/inputs")>;

/**
 * Observable Inputs with its stylesheet: the widgets (a table's scrolling, a slider's layout)
 * depend on it. Loaded on first use; `load` gives the members wanted.
 */
export async function loadInputs<T extends InputsMembers>(load: () => Promise<T>): Promise<T> {
  const [inputs] = await Promise.all([load(), import("@observablehq/inputs/dist/index.css")]);
  return inputs;
}

/**
 * The `Inputs` builtin: {@link loadInputs} whose tables record their data and whose file inputs
 * give FileAttachments. `load` gives some members (default: all of them).
 */
export async function pageInputs(load: () => Promise<InputsMembers> = () => import("@observablehq/inputs"), document?: Document): Promise<InputsMembers> {
  return withTableData(withFileAttachments(await loadInputs(load), document));
}
