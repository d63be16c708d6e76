/**
 * Whether a notebook's last session in this browser ended while it ran: a page that runs a
 * notebook leaves a mark, and removes it when it closes normally (`pagehide`). A page that froze
 * or crashed never does, so the next page of that notebook finds the mark and opens it without
 * running it (a loop that never ends would otherwise freeze it again). A mark whose page is still
 * open elsewhere is not a stop: pages that run a notebook answer a ping for it (a frozen one
 * cannot).
 */
const prefix = "mapt:running:";
const channelName = "mapt:running";
/** How long a page waits for another page to say it still runs the notebook. */
const answerMs = 400;

let running: Set<string> | undefined;
let channel: BroadcastChannel | undefined;

interface Ping {
  ping?: string;
  alive?: string;
}

/** Marks that `key`'s notebook runs in this page (until the page closes normally). */
export function markRunning(key: string): void {
  try {
    localStorage.setItem(prefix + key, String(Date.now()));
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
 * When `key`'s notebook last ran in a page that neither closed normally nor still runs it, or
 * `undefined` (no such page: run as usual).
 */
export async function lastRunStopped(key: string): Promise<Date | undefined> {
  let value: string | null;
  try {
    value = localStorage.getItem(prefix + key);
  } catch {
    return undefined;
  }
  if (value === null || running?.has(key) || typeof BroadcastChannel === "undefined") return undefined;
  const ask = new BroadcastChannel(channelName);
  const alive = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), answerMs);
    ask.addEventListener("message", (event: MessageEvent<Ping>) => {
      if (event.data.alive === key) (clearTimeout(timer), resolve(true));
    });
    ask.postMessage({ping: key});
  });
  ask.close();
  return alive ? undefined : new Date(Number(value));
}

/** The notice for a notebook that did not run because its last session stopped while running. */
export function stoppedNotice(when: Date): string {
  return `The last time this notebook ran in this browser (${when.toLocaleString()}), the page stopped responding or crashed before it closed. It has not run this time: look at its code, then run it when you are ready.`;
}
