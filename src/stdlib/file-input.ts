import {localFileAttachment} from "./local-file.ts";

import type {InputsMembers} from "./inputs.ts";

/**
 * Observable Inputs whose `Inputs.file` values are {@link FileAttachment}s (`.csv()`, `.text()`,
 * `.arrow()`...) rather than bare `File`s; a `transform` option receives the attachment.
 * Inputs without `file` (a page that names other members) stay as they are.
 */
export function withFileAttachments<T extends InputsMembers>(Inputs: T, document?: Document): T {
  const input = Inputs.file;
  if (input === undefined) return Inputs;
  const file: typeof input = ({transform = (value: unknown) => value, ...options} = {}) =>
    input({...options, transform: (chosen: File) => (transform as (value: unknown) => unknown)(localFileAttachment(chosen, document))});
  return {...Inputs, file};
}
