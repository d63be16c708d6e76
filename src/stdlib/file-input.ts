import {localFileAttachment} from "./local-file.ts";

type InputsModule = typeof import("@observablehq/inputs");

/**
 * Observable Inputs whose `Inputs.file` values are {@link FileAttachment}s (`.csv()`, `.text()`,
 * `.arrow()`...) rather than bare `File`s; a `transform` option receives the attachment.
 */
export function withFileAttachments(Inputs: InputsModule, document?: Document): InputsModule {
  const file: InputsModule["file"] = ({transform = (value: unknown) => value, ...options} = {}) =>
    Inputs.file({...options, transform: (chosen: File) => (transform as (value: unknown) => unknown)(localFileAttachment(chosen, document))});
  return {...Inputs, file};
}
