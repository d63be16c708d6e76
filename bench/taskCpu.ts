import type {Page} from "playwright-core";

/** A Chromium trace event, as far as {@link taskCpu} reads it. */
export interface TaskEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** CPU time of the event's thread during it (µs). */
  tdur?: number;
  args?: {name?: string};
}

/** CPU ms the tasks of a trace took, by thread kind. */
export interface TaskCpu {
  /** The page's main thread (`CrRendererMain`). */
  page: number;
  /** Its dedicated workers (DuckDB's among them). */
  workers: number;
}

const TASK = "ThreadControllerImpl::RunTask";

/**
 * CPU time of the top-level tasks in `events`, summed per kind of thread. On a machine whose
 * cores are shared, wall time also counts the waits for a core; a task's CPU time does not, so
 * it is what a change moves on a loaded machine.
 */
export function taskCpu(events: readonly TaskEvent[]): TaskCpu {
  const kinds = new Map<string, keyof TaskCpu>();
  for (const e of events) {
    if (e.name !== "thread_name") continue;
    if (e.args?.name === "CrRendererMain") kinds.set(`${e.pid}:${e.tid}`, "page");
    else if (e.args?.name?.startsWith("DedicatedWorker")) kinds.set(`${e.pid}:${e.tid}`, "workers");
  }
  const cpu: TaskCpu = {page: 0, workers: 0};
  for (const e of events) {
    if (e.ph !== "X" || e.name !== TASK) continue;
    const kind = kinds.get(`${e.pid}:${e.tid}`);
    if (kind) cpu[kind] += (e.tdur ?? 0) / 1000;
  }
  return cpu;
}

/** Runs `work` under a Chromium trace of `page`'s tasks and says how much CPU they took ({@link taskCpu}). */
export async function traceTaskCpu(page: Page, work: () => Promise<void>): Promise<TaskCpu> {
  const cdp = await page.context().newCDPSession(page);
  const events: TaskEvent[] = [];
  cdp.on("Tracing.dataCollected", ({value}) => events.push(...(value as unknown as TaskEvent[]).filter((e) => e.name === TASK || e.name === "thread_name")));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {categories: "toplevel,__metadata", transferMode: "ReportEvents"});
  try {
    await work();
  } finally {
    await cdp.send("Tracing.end");
    await done;
    await cdp.detach();
  }
  return taskCpu(events);
}
