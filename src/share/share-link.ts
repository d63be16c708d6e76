import {maybeFromBase64Url, toBase64Url} from "./base64url.ts";

/** A value an input can be restored to from a link: JSON, plus dates. */
export type InputValue = null | boolean | number | string | InputValue[] | {$date: string};

/** A file the notebook reads, by reference: the link never carries its bytes. */
export interface FileReference {
  name: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
}

/** What a share link carries. */
export interface SharePayload {
  /**
   * The notebook file's text; absent in a link to a page that already holds the notebook (a
   * shipped notebook), which carries only the input state.
   */
  notebook?: string;
  /** The values of the notebook's named inputs, by name. */
  inputs: Record<string, InputValue>;
  /** The attached files the notebook reads. */
  files: FileReference[];
}

/** The fragment prefix of a link that carries a whole notebook, and of one that carries input state only. */
export const NOTEBOOK_PREFIX = "nb1/";
export const STATE_PREFIX = "state1/";

/** Past this many characters, a link may break where it is pasted (chat apps, mail). */
export const LONG_LINK = 8 * 1024;

/** The fragment (without `#`) that carries `payload`: deflate-raw compressed, base64url encoded. */
export async function encodeShareFragment(payload: SharePayload): Promise<string> {
  const prefix = payload.notebook === undefined ? STATE_PREFIX : NOTEBOOK_PREFIX;
  const json = JSON.stringify({...payload, notebook: payload.notebook});
  return prefix + toBase64Url(await transform(new TextEncoder().encode(json), new CompressionStream("deflate-raw")));
}

/** A link read back, or why it cannot be. */
export type DecodedLink = {payload: SharePayload} | {error: string};

/**
 * Reads a share fragment (without `#`). Never throws: a link of a newer format, one cut off on
 * the way, or one that holds no notebook answers a message saying what is wrong and what to try.
 */
export async function decodeShareFragment(fragment: string): Promise<DecodedLink> {
  const match = /^(nb|state)(\d+)\/(.*)$/s.exec(fragment);
  if (!match) return {error: "This address does not hold a shared notebook. Ask for the link again, or for the notebook file."};
  const [, kind, version, data] = match;
  if (version !== "1") {
    return {error: `This link was made by a newer version of MAPT Notebooks (format ${kind}${version}); this version reads ${kind}1. Open it with an up-to-date copy of the app, or ask for the notebook file.`};
  }
  const bytes = maybeFromBase64Url(data!);
  if (bytes === undefined) return {error: "This link is damaged: it holds characters a shared link never has. Copy it again in full, or ask for the notebook file."};
  let json: string;
  try {
    json = new TextDecoder("utf-8", {fatal: true}).decode(await transform(bytes, new DecompressionStream("deflate-raw")));
  } catch {
    return {error: "This link is incomplete: it was probably cut short when it was copied or sent (chat apps and mail cut long links). Ask for the notebook file, or for the link again."};
  }
  const payload = readPayload(json, kind === "nb");
  return payload === undefined ? {error: "This link does not hold a notebook MAPT Notebooks can read. Ask for the notebook file."} : {payload};
}

function readPayload(json: string, withNotebook: boolean): SharePayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const {notebook, inputs = {}, files = []} = value as Record<string, unknown>;
  if (withNotebook ? typeof notebook !== "string" : notebook !== undefined) return undefined;
  if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) return undefined;
  if (!Array.isArray(files) || !files.every(isFileReference)) return undefined;
  return {...(withNotebook ? {notebook: notebook as string} : {}), inputs: inputs as Record<string, InputValue>, files};
}

function isFileReference(value: unknown): value is FileReference {
  const file = value as FileReference;
  return typeof file === "object" && file !== null && typeof file.name === "string" && Number.isFinite(file.size) && /^[0-9a-f]{64}$/.test(file.sha256);
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(output).arrayBuffer());
}
