import type {BuiltinContext} from "./context.ts";
import {FileAttachment} from "./file-attachment.ts";
import {mimeTypeOf} from "../shared/index.ts";

/**
 * The `FileAttachment` builtin: `FileAttachment("cases.csv")` returns the attached file, or throws
 * naming the file and listing the attached ones.
 */
export function createFileAttachment(context: BuiltinContext): (name: string) => FileAttachment {
  return (name) => {
    const file = context.resolveFile(name);
    if (file === undefined) {
      const names = context.listFiles();
      const available = names.length === 0 ? "this notebook has no attached files" : `attached files are ${names.map((n) => `"${n}"`).join(", ")}`;
      throw new Error(`FileAttachment "${name}" not found: ${available}`);
    }
    const body = file.blob ? {type: "blob" as const, blob: file.blob} : {type: "url" as const, href: file.url, fetch: context.fetch};
    return new FileAttachment(name, file.mimeType ?? mimeTypeOf(name), body, context.document);
  };
}
