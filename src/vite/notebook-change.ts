import type {CustomPayload} from "vite";
import {notebookChangedEvent, textVersion, type NotebookChange} from "../shared/index.ts";

/** The Vite custom event telling open pages that a notebook file (root-relative path) changed. */
export function notebookChange(path: string, text: string): CustomPayload {
  const data: NotebookChange = {path, text, version: textVersion(text)};
  return {type: "custom", event: notebookChangedEvent, data};
}
