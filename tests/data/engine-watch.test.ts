import {describe, expect, it} from "vitest";
import {
  createEngineWatch,
  describeFault,
  MAX_RESTARTS,
  QUEUED_STOP_GRACE_MS,
  STOP_GRACE_MS,
  transitionEngineWatch,
  type EngineWatchEffect,
  type EngineWatchEvent,
  type EngineWatchState
} from "../../src/data/index.ts";

/** Runs `events` from a fresh watch: the last state and every effect, in order. */
function watch(events: EngineWatchEvent[], from: EngineWatchState = createEngineWatch()): {state: EngineWatchState; effects: EngineWatchEffect[]} {
  let state = from;
  const effects: EngineWatchEffect[] = [];
  for (const event of events) {
    const next = transitionEngineWatch(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return {state, effects};
}

const types = (effects: EngineWatchEffect[]) => effects.map((e) => (e.type === "report" ? `report ${e.report.type}` : e.type));

describe("transitionEngineWatch", () => {
  it("transitionEngineWatch times a stop request and forgets it once the engine answers", () => {
    const {state, effects} = watch([
      {type: "stopRequested", id: 1, generation: 0, started: true},
      {type: "stopAnswered", id: 1},
      {type: "stopTimedOut", id: 1, at: 5000}
    ]);
    expect(effects).toEqual([{type: "startStopTimer", id: 1, ms: STOP_GRACE_MS}]);
    expect([state.phase, state.generation]).toEqual(["ready", 0]);
  });

  it("transitionEngineWatch replaces a stuck engine: a stop not answered in time abandons it and launches the next", () => {
    const {state, effects} = watch([
      {type: "stopRequested", id: 1, generation: 0, started: true},
      {type: "stopTimedOut", id: 1, at: 5000}
    ]);
    expect(types(effects)).toEqual(["startStopTimer", "abandon", "report restarting", "launch"]);
    expect(effects[1]).toEqual({type: "abandon", generation: 0, fault: {kind: "stuck", graceMs: STOP_GRACE_MS}});
    expect(effects[3]).toEqual({type: "launch", generation: 1});
    expect([state.phase, state.generation]).toEqual(["restarting", 1]);
  });

  it("transitionEngineWatch gives work that waited behind other work a longer grace, and names it when it runs out", () => {
    const {effects} = watch([
      {type: "stopRequested", id: 1, generation: 0, started: false},
      {type: "stopTimedOut", id: 1, at: 40_000}
    ]);
    expect(effects[0]).toEqual({type: "startStopTimer", id: 1, ms: QUEUED_STOP_GRACE_MS});
    expect(effects[1]).toEqual({type: "abandon", generation: 0, fault: {kind: "stuck", graceMs: QUEUED_STOP_GRACE_MS}});
  });

  it("transitionEngineWatch replaces a crashed engine and reports the restart once the new one started", () => {
    const {state, effects} = watch([
      {type: "workerFailed", generation: 0, message: "RuntimeError: unreachable", at: 1000},
      {type: "started", generation: 1}
    ]);
    expect(types(effects)).toEqual(["abandon", "report restarting", "launch", "report restarted"]);
    expect(effects.at(-1)).toEqual({type: "report", report: {type: "restarted", fault: {kind: "crashed", message: "RuntimeError: unreachable"}, generation: 1}});
    expect([state.phase, state.generation]).toEqual(["ready", 1]);
  });

  it("transitionEngineWatch ignores what an engine already given up still does (its error event, its late stop timer)", () => {
    const {effects} = watch([
      {type: "stopRequested", id: 1, generation: 0, started: true},
      {type: "workerFailed", generation: 0, message: "crash", at: 1000},
      {type: "workerFailed", generation: 0, message: "crash again", at: 1001},
      {type: "stopTimedOut", id: 1, at: 4000},
      {type: "started", generation: 1},
      {type: "stopRequested", id: 2, generation: 0, started: true}
    ]);
    expect(types(effects)).toEqual(["startStopTimer", "abandon", "report restarting", "launch", "report restarted"]);
  });

  it("transitionEngineWatch gives up after too many restarts within a minute, and says why", () => {
    const crashes: EngineWatchEvent[] = [];
    for (let generation = 0; generation <= MAX_RESTARTS; generation++) {
      crashes.push({type: "workerFailed", generation, message: "crash", at: 1000 * generation}, {type: "started", generation: generation + 1});
    }
    const {state, effects} = watch(crashes);
    expect(state.phase).toBe("failed");
    const last = effects.at(-1)!;
    expect(last.type === "report" && last.report.type === "gaveUp" && last.report.reason).toMatch(/stopped 4 times within 60 s.*no longer restarts/);
    expect(effects.filter((e) => e.type === "launch")).toHaveLength(MAX_RESTARTS);
  });

  it("transitionEngineWatch keeps restarting an engine that fails rarely (restarts older than a minute are forgotten)", () => {
    const crashes: EngineWatchEvent[] = [];
    for (let generation = 0; generation <= MAX_RESTARTS + 2; generation++) {
      crashes.push({type: "workerFailed", generation, message: "crash", at: 61_000 * generation}, {type: "started", generation: generation + 1});
    }
    expect(watch(crashes).state.phase).toBe("ready");
  });

  it("transitionEngineWatch gives up when the new engine cannot start", () => {
    const {state, effects} = watch([
      {type: "workerFailed", generation: 0, message: "crash", at: 0},
      {type: "startFailed", generation: 1, message: "wasm download failed"}
    ]);
    expect(state.phase).toBe("failed");
    const last = effects.at(-1)!;
    expect(last.type === "report" && last.report.type === "gaveUp" && last.report.reason).toBe("a new DuckDB could not start (wasm download failed)");
  });

  it("describeFault says what happened to the engine in plain words", () => {
    expect(describeFault({kind: "crashed", message: "out of bounds"})).toBe("DuckDB's worker crashed (out of bounds)");
    expect(describeFault({kind: "stuck", graceMs: 3000})).toBe("DuckDB did not stop a query within 3 s of being asked to");
  });
});
