/**
 * Deciding when the page's DuckDB engine must be replaced, as a value: `transitionEngineWatch`
 * is pure (tested in Node); `superviseDuckDB` performs its effects (timers, workers).
 *
 * Two faults replace the engine: its worker crashed (its `error` event), or it is stuck: a
 * query it was asked to stop (a cell's Stop, or a cell that re-ran) neither stopped nor ended
 * within {@link STOP_GRACE_MS}. DuckDB's own errors (out of memory, a bad query) are not faults:
 * the worker answered them and stays.
 */
import {assertNever} from "../shared/index.ts";

/** How long a query may go on after it was asked to stop before its engine counts as stuck. */
export const STOP_GRACE_MS = 3000;

/**
 * The same for a query asked to stop before it started, while the work queued before it goes
 * on: that work may be long and legitimate (a large table loading), so only a much longer wait
 * counts as stuck.
 */
export const QUEUED_STOP_GRACE_MS = 30_000;

/** After this many restarts within {@link RESTART_WINDOW_MS}, the page stops restarting. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

/** Why an engine was given up. */
export type EngineFault = {kind: "crashed"; message: string} | {kind: "stuck"; graceMs: number};

/** What the page hears about its engine (the notice, and re-running the SQL cells). */
export type EngineReport =
  /** The engine of `generation` was given up; a new one is starting. */
  | {type: "restarting"; fault: EngineFault; generation: number}
  /** The new engine (`generation`) answers: tables register again on first use. */
  | {type: "restarted"; fault: EngineFault; generation: number}
  /** The engine failed too often, or a new one could not start: no more restarts. */
  | {type: "gaveUp"; fault: EngineFault; reason: string};

/** The watch's state. `generation` counts engines: the first is 0. */
export interface EngineWatchState {
  readonly generation: number;
  readonly phase: "ready" | "restarting" | "failed";
  /** The stop requests not answered yet, by id: the generation they were made in, their grace. */
  readonly stops: ReadonlyMap<number, {generation: number; graceMs: number}>;
  /** When the recent restarts happened (ms), to stop restarting an engine that keeps failing. */
  readonly restarts: readonly number[];
  /** The fault behind the restart under way, or behind giving up. */
  readonly fault: EngineFault | undefined;
}

export type EngineWatchEvent =
  /** Work (`id`) was asked to stop and has not settled; `started`: the engine was running it. */
  | {type: "stopRequested"; id: number; generation: number; started: boolean}
  /** Work `id` settled (stopped, ended or failed). */
  | {type: "stopAnswered"; id: number}
  /** The grace of work `id` passed since it was asked to stop. */
  | {type: "stopTimedOut"; id: number; at: number}
  /** The worker of `generation` raised an error event. */
  | {type: "workerFailed"; generation: number; message: string; at: number}
  /** The engine of `generation` is instantiated and open. */
  | {type: "started"; generation: number}
  /** The engine of `generation` could not start. */
  | {type: "startFailed"; generation: number; message: string};

export type EngineWatchEffect =
  | {type: "startStopTimer"; id: number; ms: number}
  /** Reject every piece of work of `generation` that has not settled, and end its worker. */
  | {type: "abandon"; generation: number; fault: EngineFault}
  /** Start the engine of `generation`. */
  | {type: "launch"; generation: number}
  | {type: "report"; report: EngineReport};

/** The watch of a page's first engine. */
export function createEngineWatch(): EngineWatchState {
  return {generation: 0, phase: "ready", stops: new Map(), restarts: [], fault: undefined};
}

/** The next state of the watch, and what to do about it. */
export function transitionEngineWatch(state: EngineWatchState, event: EngineWatchEvent): {state: EngineWatchState; effects: EngineWatchEffect[]} {
  switch (event.type) {
    case "stopRequested": {
      if (event.generation !== state.generation || state.phase !== "ready") return {state, effects: []};
      const graceMs = event.started ? STOP_GRACE_MS : QUEUED_STOP_GRACE_MS;
      const stops = new Map(state.stops).set(event.id, {generation: event.generation, graceMs});
      return {state: {...state, stops}, effects: [{type: "startStopTimer", id: event.id, ms: graceMs}]};
    }
    case "stopAnswered": {
      if (!state.stops.has(event.id)) return {state, effects: []};
      const stops = new Map(state.stops);
      stops.delete(event.id);
      return {state: {...state, stops}, effects: []};
    }
    case "stopTimedOut": {
      const stop = state.stops.get(event.id);
      if (stop === undefined || stop.generation !== state.generation || state.phase !== "ready") return {state, effects: []};
      return giveUpEngine(state, {kind: "stuck", graceMs: stop.graceMs}, event.at);
    }
    case "workerFailed":
      if (event.generation !== state.generation || state.phase === "failed") return {state, effects: []};
      // A new engine that fails while starting fails its start (startFailed), not this path.
      if (state.phase === "restarting") return {state, effects: []};
      return giveUpEngine(state, {kind: "crashed", message: event.message}, event.at);
    case "started":
      if (event.generation !== state.generation || state.phase !== "restarting" || state.fault === undefined) return {state, effects: []};
      return {
        state: {...state, phase: "ready"},
        effects: [{type: "report", report: {type: "restarted", fault: state.fault, generation: state.generation}}]
      };
    case "startFailed": {
      if (event.generation !== state.generation || state.phase !== "restarting" || state.fault === undefined) return {state, effects: []};
      const reason = `a new DuckDB could not start (${event.message})`;
      return {state: {...state, phase: "failed"}, effects: [{type: "report", report: {type: "gaveUp", fault: state.fault, reason}}]};
    }
    default:
      return assertNever(event, "engine watch event");
  }
}

/** Abandons the current engine for `fault`: starts the next one, or gives up after too many. */
function giveUpEngine(state: EngineWatchState, fault: EngineFault, at: number): {state: EngineWatchState; effects: EngineWatchEffect[]} {
  const restarts = [...state.restarts.filter((t) => at - t < RESTART_WINDOW_MS), at];
  const abandon: EngineWatchEffect = {type: "abandon", generation: state.generation, fault};
  const base = {...state, stops: new Map(), restarts, fault};
  if (restarts.length > MAX_RESTARTS) {
    const reason = `DuckDB stopped ${restarts.length} times within ${RESTART_WINDOW_MS / 1000} s, so the page no longer restarts it`;
    return {state: {...base, phase: "failed"}, effects: [abandon, {type: "report", report: {type: "gaveUp", fault, reason}}]};
  }
  const generation = state.generation + 1;
  return {
    state: {...base, generation, phase: "restarting"},
    effects: [abandon, {type: "report", report: {type: "restarting", fault, generation: state.generation}}, {type: "launch", generation}]
  };
}

/** What happened to the engine, in words a reader understands. */
export function describeFault(fault: EngineFault): string {
  switch (fault.kind) {
    case "crashed":
      return `DuckDB's worker crashed (${fault.message})`;
    case "stuck":
      return `DuckDB did not stop a query within ${fault.graceMs / 1000} s of being asked to`;
    default:
      return assertNever(fault, "engine fault");
  }
}
