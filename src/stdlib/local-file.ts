import {mimeTypeOf} from "../shared/index.ts";
import {FileAttachment} from "./file-attachment.ts";

/**
 * A file the reader chose (a `File` from a file input or a drop) as a {@link FileAttachment}, so
 * cells read it as they read attached files: `.csv()`, `.json()`, `.xlsx()`, `.image()`...
 */
export function localFileAttachment(file: File, document?: Document): FileAttachment {
  return new FileAttachment(file.name, file.type || mimeTypeOf(file.name), {type: "blob", blob: file}, document);
}
