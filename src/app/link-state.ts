import type {NotebookRuntime} from "../runtime/index.ts";
import {decodeShareFragment, fromInputValue, type SharePayload} from "../share/index.ts";
import {showPageMessage} from "../ui/index.ts";

/**
 * Reads a share link's fragment and puts its input values in place for the cells' first run.
 * A link that cannot be read says why on the page; the notebook then opens as it is.
 */
export async function restoreLinkState(fragment: string, runtime: NotebookRuntime, main: HTMLElement): Promise<SharePayload | undefined> {
  const decoded = await decodeShareFragment(fragment);
  if ("error" in decoded) {
    showPageMessage(main, `${decoded.error} The notebook is shown as it is, with its own input values.`);
    return undefined;
  }
  runtime.inputs.restore(new Map(Object.entries(decoded.payload.inputs).map(([name, value]) => [name, fromInputValue(value)])));
  return decoded.payload;
}
