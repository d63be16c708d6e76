import {saveEndpointPath, saveRequestHeader, type SaveRequest, type SaveResponse} from "../shared/index.ts";

/** Posts a notebook file to the dev server's save endpoint; network failures answer status 500. */
export async function saveToServer(path: string, text: string, baseVersion: string | null): Promise<SaveResponse> {
  const request: SaveRequest = {path, text, baseVersion};
  try {
    const response = await fetch(saveEndpointPath, {
      method: "POST",
      headers: {"content-type": "application/json", [saveRequestHeader]: "1"},
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
