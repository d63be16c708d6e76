import {
  attachEndpointPath,
  exportEndpointPath,
  type ExportRequest,
  saveEndpointPath,
  saveRequestHeader,
  saveTokenMetaName,
  type AttachResponse,
  type SaveRequest,
  type SaveResponse
} from "../shared/index.ts";

/** The headers every write to the dev server carries: the server's token from the page's meta tag. */
export function pageWriteHeaders(contentType: string): Record<string, string> {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${saveTokenMetaName}"]`)?.content ?? "";
  return {"content-type": contentType, [saveRequestHeader]: token};
}

/** Posts a notebook file to the dev server's save endpoint; network failures answer status 500. */
export async function saveToServer(path: string, text: string, baseVersion: string | null): Promise<SaveResponse> {
  const request: SaveRequest = {path, text, baseVersion};
  try {
    const response = await fetch(saveEndpointPath, {
      method: "POST",
      headers: pageWriteHeaders("application/json"),
      body: JSON.stringify(request)
    });
    return (await response.json()) as SaveResponse;
  } catch (error) {
    return {status: 500, error: `the dev server did not answer: ${(error as Error).message}`};
  }
}

/**
 * Writes `text` as a new file beside `path` (`name-copy.html`, `name-copy-2.html`, ...: the
 * first name not taken) and answers its path.
 */
export async function saveCopy(path: string, text: string): Promise<{path: string} | {error: string}> {
  const stem = path.replace(/\.html$/, "");
  for (let n = 1; n <= 50; n++) {
    const candidate = `${stem}-copy${n === 1 ? "" : `-${n}`}.html`;
    const outcome = await saveToServer(candidate, text, null);
    if (outcome.status === 200) return {path: candidate};
    if (outcome.status !== 409) return {error: outcome.error};
  }
  return {error: `could not find a free name for a copy of ${path}`};
}

/**
 * Writes a data file beside the notebook at `notebookPath` through the dev server, as `name`
 * (see `maybeAttachmentName`); network failures answer status 500.
 */
export async function attachToServer(notebookPath: string, name: string, file: Blob): Promise<AttachResponse> {
  const query = new URLSearchParams({notebook: notebookPath, name});
  try {
    const response = await fetch(`${attachEndpointPath}?${query}`, {method: "POST", headers: pageWriteHeaders("application/octet-stream"), body: file});
    return (await response.json()) as AttachResponse;
  } catch (error) {
    return {status: 500, error: `the dev server did not answer: ${(error as Error).message}`};
  }
}

/**
 * Asks the dev server for the single-file export of a notebook's current text (`path`: the file
 * it belongs to, whose folder holds its attachments; `engine`: include the database engine).
 * Resolves with the file, or a message.
 */
export async function exportFromServer(path: string | undefined, text: string, engine = false): Promise<Blob | {error: string}> {
  const request: ExportRequest = {path, text, engine};
  try {
    const response = await fetch(exportEndpointPath, {method: "POST", headers: pageWriteHeaders("application/json"), body: JSON.stringify(request)});
    if (response.ok) return await response.blob();
    const answer = (await response.json().catch(() => ({}))) as {error?: string};
    return {error: answer.error ?? `the dev server answered ${response.status}`};
  } catch (error) {
    return {error: `the dev server did not answer: ${(error as Error).message}`};
  }
}
