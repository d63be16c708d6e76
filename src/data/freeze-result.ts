import type {Table} from "apache-arrow";
import type {FrozenResult} from "./frozen.ts";
import {paramValue} from "./query-key.ts";

/** A recorded result in the form an export stores (Arrow's writer loads on the first). */
export async function freezeResult(sql: string, params: readonly unknown[], result: Table): Promise<FrozenResult> {
  const {tableToIPC} = await import("apache-arrow");
  return {sql, params: params.map(paramValue), ipc: toBase64(tableToIPC(result, "stream"))};
}

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
