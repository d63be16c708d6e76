import {describe, expect, it} from "vitest";
import {isUnrun, readNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {createSession, runSignature, transitionSession, type SessionState} from "../../src/session/index.ts";
import {defined, effectsOf, id, notebookText, play, session} from "./helpers.ts";

const cells = [{source: "a = 1"}, {source: "a + 1"}, {source: "a + 2"}];
const fileSession = (text = notebookText(cells)): SessionState => createSession({text, trusted: true, running: true, canSave: true, version: "v1"});

/** The ids of the cells a saved text marks `unrun`. */
const marked = (text: string) => readNotebook(text).notebook.cells.filter(isUnrun).map((cell) => cell.id as number);
/** The text the session's pending save writes. */
const savedText = (state: SessionState) => effectsOf(transitionSession(state, {type: "save"}).effects, "saveFile")[0]!.text;
/** The run of the cell as it is now settled (its view left "running" with a value). */
const settle = (state: SessionState, n: number) => {
  const cell = state.notebook.cells.find((c) => c.id === n)!;
  return transitionSession(state, {type: "settled", id: cell.id, signature: runSignature(cell)});
};

describe("transitionSession: code saved before it ran is marked unrun", () => {
  it("autosave writes an edited cell that has not run with the unrun mark, and no other cell", () => {
    const {state} = play(fileSession(), {type: "edit", id: id(2), source: "while (true) {}"});
    expect(marked(savedText(state))).toEqual([2]);
  });

  it("a cell edited back to what was read is not marked, so the file is written back unchanged", () => {
    const text = notebookText(cells);
    const {state} = play(fileSession(text), {type: "edit", id: id(2), source: "x"}, {type: "edit", id: id(2), source: "a + 1"});
    expect(serializeNotebook(state.notebook)).toBe(text);
  });

  it("an inserted and a pasted cell with code are marked; an empty new cell is not", () => {
    const base = fileSession();
    const {state} = play(
      base,
      {type: "insert", index: 3, source: ""},
      {type: "insert", index: 0, source: "1 + 1"},
      {type: "paste", index: 0, cells: [{...base.notebook.cells[0]!}]}
    );
    const text = serializeNotebook(state.notebook);
    const fresh = state.notebook.cells.filter((cell) => cell.id > 3);
    expect(marked(text).sort()).toEqual(fresh.filter((cell) => cell.source !== "").map((cell) => cell.id as number).sort());
    expect(marked(text)).toHaveLength(2);
  });

  it("the mark goes when the cell's run settles with that code, and that schedules a save", () => {
    const edited = play(fileSession(), {type: "edit", id: id(2), source: "a + 5"}, {type: "run", id: id(2)}).state;
    expect(marked(savedText(edited))).toEqual([2]);
    const {state, effects} = settle(edited, 2);
    expect(marked(serializeNotebook(state.notebook))).toEqual([]);
    // At once, not after the typing pause: a reload right after the result showed keeps the cell's run.
    expect(effectsOf(effects, "scheduleSave")).toEqual([{type: "scheduleSave", now: true}]);
    expect(effectsOf(effects, "writeDraft").map((effect) => effect.now)).toEqual([true]);
  });

  it("the file watcher's news of this page's own save, while the run's mark goes, is no conflict (before or after the save's answer)", () => {
    const edited = play(fileSession(), {type: "edit", id: id(2), source: "a + 5"}, {type: "run", id: id(2)}, {type: "save"}).state;
    const written = edited.pending!;
    expect(marked(written)).toEqual([2]);
    // The settled run asks for a save at once; the page's timer dispatches it while the first is in flight.
    const settledRun = settle(edited, 2);
    expect(effectsOf(settledRun.effects, "scheduleSave")).toEqual([{type: "scheduleSave", now: true}]);
    const settled = transitionSession(settledRun.state, {type: "save"}).state;
    const echo = {type: "diskChanged", text: written, version: "v2"} as const;
    const answer = {type: "saveSucceeded", text: written, version: "v2"} as const;
    for (const order of [[echo, answer], [answer, echo]]) {
      const {state, effects} = play(settled, ...order);
      expect(state.save).toBe("unsaved");
      expect(state.conflict).toBeUndefined();
      expect(effectsOf(effects, "showConflict")).toEqual([]);
      // The save asked for meanwhile goes at the answer, not after another typing pause.
      expect(effectsOf(effects, "scheduleSave")).toEqual([{type: "scheduleSave", now: true}]);
      // The text without the mark is saved next, over the version this page wrote.
      const next = effectsOf(transitionSession(state, {type: "save"}).effects, "saveFile");
      expect(next).toEqual([{type: "saveFile", text: serializeNotebook(settled.notebook), baseVersion: "v2"}]);
    }
  });

  it("in a notebook kept only in this browser, the draft without the mark is written at once when the run settles", () => {
    const draft = createSession({text: notebookText(cells), trusted: true, running: true});
    const edited = play(draft, {type: "edit", id: id(2), source: "a + 5"}, {type: "run", id: id(2)}).state;
    const {effects} = settle(edited, 2);
    const [written] = effectsOf(effects, "writeDraft");
    expect(written?.now).toBe(true);
    expect(marked(written!.text)).toEqual([]);
    // An edit still waits for the typing pause.
    expect(effectsOf(play(edited, {type: "edit", id: id(3), source: "a + 7"}).effects, "writeDraft").map((effect) => effect.now)).toEqual([undefined]);
  });

  it("a settled run of older code does not clear the mark of newer code", () => {
    const ran = play(fileSession(), {type: "edit", id: id(2), source: "a + 5"}, {type: "run", id: id(2)}).state;
    const older = ran.notebook.cells[1]!;
    const editedAgain = play(ran, {type: "edit", id: id(2), source: "a + 6"}).state;
    const {state} = play(editedAgain, {type: "settled", id: older.id, signature: runSignature(older)});
    expect(marked(serializeNotebook(state.notebook))).toEqual([2]);
  });

  it("opening a text with a marked cell runs the others and leaves the marked one (and keeps its mark) until it is run", () => {
    const text = notebookText(cells).replace('<script id="2" type="module"', '<script id="2" type="module" unrun');
    expect(marked(text)).toEqual([2]);
    const empty = createSession({text: notebookText([]), trusted: true});
    const opened = transitionSession(empty, {type: "load", text, origin: "file"});
    expect(defined(opened.effects)).toEqual([1, 3]);
    // Another edit elsewhere keeps the mark on the cell that never ran.
    const edited = play({...opened.state, canSave: true}, {type: "edit", id: id(3), source: "a + 9"}).state;
    expect(marked(serializeNotebook(edited.notebook))).toEqual([2, 3]);
    const run = play(edited, {type: "run", id: id(2)});
    expect(defined(run.effects)).toEqual([2]);
    expect(marked(serializeNotebook(settle(run.state, 2).state.notebook))).toEqual([3]);
  });

  it("a page already running the text does not count a marked cell as run", () => {
    const text = notebookText(cells).replace('<script id="3" type="module"', '<script id="3" type="module" unrun');
    const state = fileSession(text);
    expect(state.ran.has(id(3))).toBe(false);
    expect(defined(play(state, {type: "runStale"}).effects)).toEqual([3]);
  });

  it("a settled event for a cell that is not running with that code changes nothing", () => {
    const state = session(cells, {canSave: true});
    expect(settle({...state, ran: new Map()}, 1).effects).toEqual([]);
  });

  it("recovered edits or a version picked in History run as chosen, marks and all", () => {
    const text = notebookText(cells).replace('<script id="2" type="module"', '<script id="2" type="module" unrun');
    const state = session(cells, {canSave: true});
    expect(defined(transitionSession(state, {type: "load", text: text.replace("a + 1", "a + 7"), origin: "recovered"}).effects)).toEqual([2]);
    expect(defined(transitionSession(state, {type: "load", text: text.replace("a + 1", "a + 7"), origin: "disk"}).effects)).toEqual([]);
  });
});
