import {saveEndpointPath, saveRequestHeader, type SaveRequest, type SaveResponse} from "../../shared/index.ts";

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
