import {fromAsyncDuckDB} from "./async-instance.ts";
import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import {createEngineWatch, describeFault, transitionEngineWatch, type EngineReport, type EngineWatchEffect, type EngineWatchEvent} from "./engine-watch.ts";
import {EngineLostError} from "./errors.ts";
import type {LaunchedDuckDB} from "./start.ts";
import {assertNever} from "../shared/index.ts";

/**
 * The page's DuckDB instance that replaces its engine when the engine fails (see
 * `transitionEngineWatch`): `generation` counts engines, so a client knows when its connection
 * and the tables it registered are gone (see `DuckDBClient`).
 */
export interface SupervisedDuckDB extends DuckDBInstance {
  readonly generation: number;
  /** Calls `listener` with every {@link EngineReport} from now on. */
  listen(listener: (report: EngineReport) => void): void;
  /**
   * For tests only: ends the current worker as a crash would (it is terminated and raises the
   * `error` event a crashed worker raises), so the page's recovery can be watched end to end.
   */
  crashWorkerForTest(): void;
}

interface Engine {
  readonly generation: number;
  readonly worker: Worker;
  readonly instance: Promise<DuckDBInstance>;
  readonly lost: Promise<never>;
  lose(error: Error): void;
}

/**
 * Watches `first` (the page's launched engine) and, when it crashes or is stuck, ends it,
 * rejects its unsettled work with an {@link EngineLostError}, and starts the next one with
 * `relaunch`.
 */
export function superviseDuckDB(first: LaunchedDuckDB, relaunch: () => LaunchedDuckDB, now: () => number = Date.now): SupervisedDuckDB {
  let state = createEngineWatch();
  const listeners: Array<(report: EngineReport) => void> = [];
  let stopIds = 0;

  const dispatch = (event: EngineWatchEvent) => {
    const transition = transitionEngineWatch(state, event);
    state = transition.state;
    for (const effect of transition.effects) perform(effect);
  };

  const watch = (launched: LaunchedDuckDB, generation: number): Engine => {
    let lose!: (error: Error) => void;
    const lost = new Promise<never>((_, reject) => (lose = reject));
    lost.catch(() => {});
    launched.worker.addEventListener("error", (event) => {
      const message = event instanceof ErrorEvent && event.message ? event.message : "it raised an error event";
      dispatch({type: "workerFailed", generation, message, at: now()});
    });
    const stopRequested = (settled: Promise<unknown>, started: boolean) => {
      const id = ++stopIds;
      dispatch({type: "stopRequested", id, generation, started});
      const answered = () => dispatch({type: "stopAnswered", id});
      settled.then(answered, answered);
    };
    const instance = launched.ready.then((db) => fromAsyncDuckDB(db, {lost, stopRequested}));
    instance.catch(() => {});
    return {generation, worker: launched.worker, instance, lost, lose};
  };

  let engine = watch(first, 0);

  const perform = (effect: EngineWatchEffect): void => {
    switch (effect.type) {
      case "startStopTimer":
        setTimeout(() => dispatch({type: "stopTimedOut", id: effect.id, at: now()}), effect.ms);
        return;
      case "abandon":
        if (engine.generation !== effect.generation) return;
        engine.lose(new EngineLostError(describeFault(effect.fault), state.phase === "restarting"));
        engine.worker.terminate();
        return;
      case "launch": {
        const next = watch(relaunch(), effect.generation);
        engine = next;
        next.instance.then(
          () => dispatch({type: "started", generation: next.generation}),
          (error: unknown) => dispatch({type: "startFailed", generation: next.generation, message: error instanceof Error ? error.message : String(error)})
        );
        return;
      }
      case "report":
        for (const listener of listeners) listener(effect.report);
        return;
      default:
        return assertNever(effect, "engine watch effect");
    }
  };

  /** `use` on the current engine; when that engine is given up meanwhile, on the next one. */
  const current = async <T>(use: (instance: DuckDBInstance) => Promise<T>): Promise<T> => {
    for (;;) {
      const tried = engine;
      try {
        return await Promise.race([tried.instance.then(use), tried.lost]);
      } catch (error) {
        if (tried === engine || state.phase === "failed") throw error;
      }
    }
  };

  return {
    get generation() {
      return state.generation;
    },
    connect: (): Promise<DuckDBConnection> => current((instance) => instance.connect()),
    registerFileBuffer: (name, bytes, options) => current((instance) => instance.registerFileBuffer(name, bytes, options)),
    // Every engine this supervises is DuckDB-WASM's (async-instance.ts), which reads a Blob in its worker.
    registerFileBlob: (name, blob) =>
      current((instance) => (instance.registerFileBlob ? instance.registerFileBlob(name, blob) : Promise.reject(new Error("This DuckDB cannot read a file in its worker.")))),
    registerFileUrl: (name, url) =>
      current((instance) => (instance.registerFileUrl ? instance.registerFileUrl(name, url) : Promise.reject(new Error("This DuckDB cannot read a file at a URL.")))),
    dropFile: (name) => current((instance) => instance.dropFile(name)),
    listen(listener) {
      listeners.push(listener);
    },
    crashWorkerForTest() {
      engine.worker.terminate();
      engine.worker.dispatchEvent(new ErrorEvent("error", {message: "the worker was ended by a test"}));
    }
  };
}

/** `instance` as a {@link SupervisedDuckDB} (the page's, from `startDuckDB`), or `undefined`. */
export function maybeSupervised(instance: DuckDBInstance): SupervisedDuckDB | undefined {
  return "crashWorkerForTest" in instance && "listen" in instance ? (instance as SupervisedDuckDB) : undefined;
}
