import {ByteBuffer} from "flatbuffers/mjs/byte-buffer.js";

/**
 * What Arrow's IPC metadata modules (`ipc/metadata/message`, `file`) import from flatbuffers, from
 * their JSON reader and their type assembler, in the copies of those modules that
 * `data/arrow-ipc.ts` reads query results with (see src/vite/import-redirects.ts): flatbuffers'
 * ByteBuffer, and in place of the writing and JSON parts, which reading binary IPC never calls,
 * functions that say so. Arrow's own copies (its writers, `tableToIPC`) keep all of it.
 */
export {ByteBuffer};

const unused = (what: string) => (): never => {
  throw new Error(`${what} is not part of the reader's Arrow IPC metadata (data/arrow-ipc.ts reads binary IPC only)`);
};

/** flatbuffers' Builder: only Arrow's writers build metadata. */
export class Builder {
  constructor() {
    unused("Building Arrow IPC metadata")();
  }
}

export const fieldFromJSON = unused("Arrow's JSON format");
export const schemaFromJSON = unused("Arrow's JSON format");
export const recordBatchFromJSON = unused("Arrow's JSON format");
export const dictionaryBatchFromJSON = unused("Arrow's JSON format");

/** Arrow's type assembler (types to flatbuffers): only its writers use it. */
export const instance = {visit: unused("Writing Arrow IPC types")};
