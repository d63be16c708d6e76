import {unzipSync} from "fflate";
import {mimeTypeOf} from "../shared/index.ts";
import {FileAttachment} from "./file-attachment.ts";

/**
 * The files of a zip archive, as `FileAttachment(...).zip()` returns it. Reading the archive lists
 * its files; an entry is decompressed only when `file(name)` asks for it.
 */
export class ZipArchive {
  /** The paths of the files in the archive (folders left out), in archive order. */
  readonly filenames: readonly string[];
  readonly #name: string;
  readonly #bytes: Uint8Array;
  readonly #document: Document | undefined;

  private constructor(name: string, bytes: Uint8Array, filenames: string[], document: Document | undefined) {
    this.#name = name;
    this.#bytes = bytes;
    this.filenames = filenames;
    this.#document = document;
  }

  /** Reads the list of files of the archive `bytes` (from the file `name`, for messages). */
  static open(name: string, bytes: Uint8Array, document?: Document): ZipArchive {
    const filenames: string[] = [];
    unzip(name, bytes, ({name: path}) => {
      if (!path.endsWith("/")) filenames.push(path);
      return false;
    });
    return new ZipArchive(name, bytes, filenames, document);
  }

  /** The file at `path` in the archive, with every reader of a FileAttachment (`csv()`, `image()`...). */
  file(path: string): FileAttachment {
    const bytes = unzip(this.#name, this.#bytes, (entry) => entry.name === path)[path];
    if (bytes === undefined) {
      const listed = this.filenames.slice(0, 20).map((f) => `"${f}"`).join(", ");
      const more = this.filenames.length > 20 ? ` and ${this.filenames.length - 20} more` : "";
      throw new Error(`Zip archive "${this.#name}" has no file "${path}"; its files are ${listed || "none"}${more}`);
    }
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {type: mimeTypeOf(path)});
    return new FileAttachment(path, blob.type, {type: "blob", blob}, this.#document);
  }
}

function unzip(name: string, bytes: Uint8Array, filter: (entry: {name: string}) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {filter});
  } catch (error) {
    throw new Error(`FileAttachment "${name}" is not a zip archive this page can read: ${(error as Error).message}`, {cause: error});
  }
}
