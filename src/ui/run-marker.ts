import {RUN_MARK_PREFIX} from "../shared/index.ts";

/**
 * Whether a notebook's last session in this browser ended while it ran: a page that runs a
 * notebook leaves a mark, and removes it when it closes normally (`pagehide`). A page that froze
 * or crashed never does, so the next page of that notebook finds the mark and opens it without
 * running it (a loop that never ends would otherwise freeze it again). A mark whose page is still
 * open elsewhere is not a stop: pages that run a notebook answer a ping for it (a frozen one
 * cannot).
 */
const prefix = RUN_MARK_PREFIX;
const channelName = "mapt:running";
/** How long a page waits for another page to say it still runs the notebook. */
const answerMs = 400;

let running: Set<string> | undefined;
let channel: BroadcastChannel | undefined;

interface Ping {
  ping?: string;
  alive?: string;
}

/**
 * What a mark holds: when the notebook started running in the page, and the cells whose run the
 * page started and that had not settled yet (an edited cell run: the likely cause of a freeze).
 */
export interface RunMark {
  at: number;
  cells: number[];
}

/** Reads a stored mark: JSON, or (as older pages wrote it) just the time; `undefined` for none. */
export function readRunMark(value: string | null): RunMark | undefined {
  if (value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === "number") return {at: parsed, cells: []};
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const {at, cells} = parsed as {at?: unknown; cells?: unknown};
    if (typeof at !== "number") return undefined;
    return {at, cells: Array.isArray(cells) ? cells.filter((id): id is number => Number.isInteger(id)) : []};
  } catch {
    return undefined;
  }
}

/** The mark with cell `id` running (added) or settled (removed). */
export function withRunningCell(mark: RunMark, id: number, running: boolean): RunMark {
  const others = mark.cells.filter((cell) => cell !== id);
  return {...mark, cells: running ? [...others, id] : others};
}

/** Marks that `key`'s notebook runs in this page (until the page closes normally). */
export function markRunning(key: string): void {
  try {
    const kept = running?.has(key) ? readRunMark(localStorage.getItem(prefix + key)) : undefined;
    localStorage.setItem(prefix + key, JSON.stringify(kept ?? {at: Date.now(), cells: []}));
  } catch {
    return; // storage off: no protection, nothing breaks
  }
  if (running === undefined) {
    running = new Set();
    addEventListener("pagehide", () => {
      for (const k of running!) localStorage.removeItem(prefix + k);
    });
    channel = typeof BroadcastChannel === "undefined" ? undefined : new BroadcastChannel(channelName);
    channel?.addEventListener("message", (event: MessageEvent<Ping>) => {
      if (event.data.ping !== undefined && running!.has(event.data.ping)) channel!.postMessage({alive: event.data.ping});
    });
  }
  running.add(key);
}

/**
 * Marks cell `id` of `key`'s notebook as running until its view leaves "running" (it settled,
 * failed or was stopped): a page that freezes in between leaves the cell named in its mark.
 */
export function markCellRunning(key: string, id: number, element: HTMLElement): void {
  const update = (on: boolean) => {
    try {
      const mark = readRunMark(localStorage.getItem(prefix + key));
      if (mark !== undefined) localStorage.setItem(prefix + key, JSON.stringify(withRunningCell(mark, id, on)));
    } catch {
      // storage off: no protection, nothing breaks
    }
  };
  update(true);
  const settled = new MutationObserver((records) => {
    if (!records.some((record) => record.oldValue === "running") || element.dataset.status === "running") return;
    settled.disconnect();
    update(false);
  });
  settled.observe(element, {attributes: true, attributeFilter: ["data-status"], attributeOldValue: true});
}

/** A notebook's last session that stopped while running (see {@link lastRunStopped}). */
export interface StoppedRun {
  when: Date;
  /** The cells whose run had started and not settled: the page stopped in one of them. */
  cells: number[];
}

/**
 * When `key`'s notebook last ran in a page that neither closed normally nor still runs it, and
 * which cells were running then, or `undefined` (no such page: run as usual).
 */
export async function lastRunStopped(key: string): Promise<StoppedRun | undefined> {
  let mark: RunMark | undefined;
  try {
    mark = readRunMark(localStorage.getItem(prefix + key));
  } catch {
    return undefined;
  }
  if (mark === undefined || running?.has(key) || typeof BroadcastChannel === "undefined") return undefined;
  const ask = new BroadcastChannel(channelName);
  const alive = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), answerMs);
    ask.addEventListener("message", (event: MessageEvent<Ping>) => {
      if (event.data.alive === key) (clearTimeout(timer), resolve(true));
    });
    ask.postMessage({ping: key});
  });
  ask.close();
  return alive ? undefined : {when: new Date(mark.at), cells: mark.cells};
}

/** The notice for a notebook that did not run because its last session stopped while running. */
export function stoppedNotice(stopped: StoppedRun): string {
  const {when, cells} = stopped;
  const which = cells.length === 0 ? "" : ` It stopped while ${cells.length === 1 ? "cell" : "cells"} ${cells.join(", ")} ran (marked below).`;
  return `The last time this notebook ran in this browser (${when.toLocaleString()}), the page stopped responding or crashed before it closed.${which} It has not run this time: look at its code, then run it when you are ready.`;
}

/** The remark on a cell that was running when its notebook's last session stopped. */
export const stoppedCellNotice = "This cell was running when the page stopped responding or crashed last time: check its code before running it.";
