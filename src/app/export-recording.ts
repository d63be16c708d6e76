// The recording end of a single-file export: while `mapt export` records the page (it sets
// `__maptRecording` before the page's scripts run), every query's result is kept for it.
import {freezeResult, setQueryRecorder, type FrozenResult} from "../data/index.ts";

/** Set by `mapt export` before the page's scripts run: the results it collects. */
interface ExportRecording {
  /** Each result as it is frozen (`mapt export` waits for them all). */
  __maptRecording?: Array<Promise<FrozenResult>>;
}

/** While `mapt export` records this page, keeps every query's result for it. */
export function recordQueriesForExport(): void {
  const recording = (globalThis as ExportRecording).__maptRecording;
  if (recording) setQueryRecorder((sql, params, result) => recording.push(freezeResult(sql, params, result)));
}
