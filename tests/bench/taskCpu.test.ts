import {expect, it} from "vitest";
import {taskCpu, type TaskEvent} from "../../bench/taskCpu.ts";

const thread = (tid: number, name: string): TaskEvent => ({name: "thread_name", ph: "M", pid: 1, tid, args: {name}});
const task = (tid: number, dur: number, tdur: number): TaskEvent => ({name: "ThreadControllerImpl::RunTask", ph: "X", pid: 1, tid, dur, tdur});

it("taskCpu sums the CPU time, not the wall time, of the page's main-thread tasks and of its workers' tasks", () => {
  const events = [
    thread(10, "CrRendererMain"), thread(11, "DedicatedWorker thread"), thread(12, "Compositor"),
    task(10, 90_000, 12_000), task(10, 40_000, 3_000),
    task(11, 50_000, 20_000),
    task(12, 9_000, 9_000),
    {name: "FunctionCall", ph: "X", pid: 1, tid: 10, dur: 5_000, tdur: 5_000}
  ];
  expect(taskCpu(events)).toEqual({page: 15, workers: 20});
});
