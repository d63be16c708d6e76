import {localFileAttachment} from "./local-file.ts";
import {observeDistinct} from "./observe.ts";

/**
 * The values of a form element (or any element with a `value`, such as an Observable input): its
 * current value at once, then one after each `input` event (`click` for buttons and checkboxes,
 * `change` for file inputs; one change announced twice before the runtime pulls again is yielded
 * once, see {@link observeDistinct}). A file input's value is the chosen file as a
 * `FileAttachment` (an array of them when `multiple`), so `.csv()`, `.json()`... read it.
 */
export function input(element: Element): AsyncGenerator<unknown, void, unknown> {
  return observeDistinct((change) => {
    const event = eventOf(element);
    const listener = () => change(valueOf(element));
    element.addEventListener(event, listener);
    change(valueOf(element));
    return () => element.removeEventListener(event, listener);
  });
}

function eventOf(element: Element): string {
  switch ((element as HTMLInputElement).type) {
    case "button":
    case "submit":
    case "checkbox":
      return "click";
    case "file":
      return "change";
    default:
      return "input";
  }
}

function valueOf(element: Element): unknown {
  const input = element as HTMLInputElement & HTMLSelectElement;
  const type: string = input.type;
  switch (type) {
    case "range":
    case "number":
      return input.valueAsNumber;
    case "date":
      return input.valueAsDate;
    case "checkbox":
      return input.checked;
    case "file": {
      const files = Array.from(input.files ?? [], (file) => localFileAttachment(file, element.ownerDocument));
      return input.multiple ? files : files[0];
    }
    case "select-multiple":
      return Array.from(input.selectedOptions, (option) => option.value);
    default:
      return input.value;
  }
}
