import {createNotebook, serializeNotebook, type CellId, type CellSpec} from "../../src/notebook/index.ts";
import {createSession, transitionSession, type SessionEffect, type SessionEvent, type SessionSpec, type SessionState} from "../../src/session/index.ts";

/** The text of a notebook with these cells (ids 1, 2, 3... unless given). */
export function notebookText(cells: Array<Omit<CellSpec, "id"> & {id?: number}>, title = "Study"): string {
  return serializeNotebook(createNotebook({title, cells}));
}

/** A session over `cells`, trusted and already running them unless the spec says otherwise. */
export function session(cells: Array<Omit<CellSpec, "id"> & {id?: number}>, spec: Partial<SessionSpec> = {}): SessionState {
  return createSession({text: notebookText(cells), trusted: true, running: true, ...spec});
}

/** Applies events in order; returns the final state and every effect, in order. */
export function play(state: SessionState, ...events: SessionEvent[]): {state: SessionState; effects: SessionEffect[]} {
  const effects: SessionEffect[] = [];
  for (const event of events) {
    const t = transitionSession(state, event);
    state = t.state;
    effects.push(...t.effects);
  }
  return {state, effects};
}

/** The ids of the cells a list of effects defines in the runtime. */
export const defined = (effects: SessionEffect[]) => effects.flatMap((e) => (e.type === "defineCell" ? [e.cell.id] : []));

/** The effects of one type. */
export function effectsOf<T extends SessionEffect["type"]>(effects: SessionEffect[], type: T): Array<Extract<SessionEffect, {type: T}>> {
  return effects.filter((e): e is Extract<SessionEffect, {type: T}> => e.type === type);
}

/** Cell ids of a state, in order. */
export const ids = (state: SessionState) => state.notebook.cells.map((cell) => cell.id as number);

export const id = (n: number) => n as CellId;
