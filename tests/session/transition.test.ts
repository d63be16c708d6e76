import {describe, expect, it} from "vitest";
import {readNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {createSession, transitionSession, type SessionState, type StructuralEvent} from "../../src/session/index.ts";
import {textVersion} from "../../src/shared/index.ts";
import {defined, effectsOf, id, ids, notebookText, play, session} from "./helpers.ts";

const three = [{source: "const a = 1;"}, {source: "a + 1"}, {mode: "md" as const, source: "# Notes"}];

describe("transitionSession: trust", () => {
  it("transitionSession never defines a cell of an untrusted notebook, whatever the user does, until trust", () => {
    const start = createSession({text: notebookText(three), trusted: false});
    const {state, effects} = play(
      start,
      {type: "run", id: id(1)},
      {type: "runAll"},
      {type: "runStale"},
      {type: "restartRunAll"},
      {type: "load", text: notebookText([{source: "fetch('https://example.org')"}]), origin: "recovered"},
      {type: "undo"}
    );
    expect(defined(effects)).toEqual([]);
    expect(state.ran.size).toBe(0);
    const trusted = transitionSession(state, {type: "trust"});
    expect(defined(trusted.effects)).toEqual(ids(state));
  });

  it("transitionSession shows a loaded notebook's cells before and without running them", () => {
    const start = createSession({text: notebookText([]), trusted: false});
    const {effects} = play(start, {type: "load", text: notebookText(three), origin: "draft"});
    expect(effectsOf(effects, "renderCell").map((e) => e.cell.id)).toEqual([1, 2, 3]);
    expect(defined(effects)).toEqual([]);
  });

  it("transitionSession runs on load only the cells whose source differs from what ran", () => {
    const start = session(three);
    const changed = notebookText([{source: "const a = 1;"}, {source: "a + 2"}, {mode: "md", source: "# Notes"}]);
    const {effects} = play(start, {type: "load", text: changed, origin: "recovered"});
    expect(defined(effects)).toEqual([2]);
  });
});

describe("transitionSession: running", () => {
  it("transitionSession marks an edited cell stale and runs it only when asked", () => {
    const edited = play(session(three), {type: "edit", id: id(2), source: "a + 10"});
    expect(defined(edited.effects)).toEqual([]);
    expect(effectsOf(edited.effects, "markStale")).toEqual([{type: "markStale", id: 2, stale: true}]);
    const run = transitionSession(edited.state, {type: "run", id: id(2)});
    expect(defined(run.effects)).toEqual([2]);
    expect(effectsOf(run.effects, "markStale")).toEqual([{type: "markStale", id: 2, stale: false}]);
  });

  it("transitionSession runStale runs the edited and never-run cells only; runAll runs every cell", () => {
    const {state} = play(session(three), {type: "edit", id: id(3), source: "# Notes, revised"}, {type: "insert", index: 0, source: "1"});
    expect(defined(transitionSession(state, {type: "runStale"}).effects)).toEqual([4, 3]);
    expect(defined(transitionSession(state, {type: "runAll"}).effects)).toEqual([4, 1, 2, 3]);
  });

  it("transitionSession restartRunAll restarts the runtime before defining every cell", () => {
    const {effects} = play(session(three), {type: "restartRunAll"});
    expect(effects[0]).toEqual({type: "restartRuntime"});
    expect(defined(effects)).toEqual([1, 2, 3]);
  });

  it("transitionSession interrupts a defined cell once, and running it again clears the interruption", () => {
    const once = play(session(three), {type: "interrupt", id: id(2)}, {type: "interrupt", id: id(2)});
    expect(effectsOf(once.effects, "interruptCell")).toEqual([{type: "interruptCell", id: 2}]);
    const again = play(once.state, {type: "run", id: id(2)}, {type: "interrupt", id: id(2)});
    expect(effectsOf(again.effects, "interruptCell")).toHaveLength(1);
  });

  it("transitionSession renaming a cell's value runs it, so readers of either name update at once", () => {
    const {state, effects} = play(session([{mode: "sql", source: "SELECT 1", output: "rows"}, {source: "rows"}]), {type: "setOutput", id: id(1), name: "deaths"});
    expect(state.notebook.cells[0]!.output).toBe("deaths");
    expect(defined(effects)).toEqual([1]);
    const cleared = transitionSession(state, {type: "setOutput", id: id(1), name: ""});
    expect(cleared.state.notebook.cells[0]!.output).toBeUndefined();
  });
});

describe("transitionSession: undo", () => {
  const events: Array<[string, StructuralEvent]> = [
    ["insert", {type: "insert", index: 1, mode: "md", source: "new"}],
    ["delete", {type: "delete", ids: [id(2)]}],
    ["delete of several cells", {type: "delete", ids: [id(1), id(3)]}],
    ["move", {type: "move", id: id(1), by: 1}],
    ["moveTo", {type: "moveTo", id: id(3), index: 0}],
    ["duplicate", {type: "duplicate", id: id(2)}],
    ["setMode", {type: "setMode", id: id(2), mode: "sql"}],
    ["setOutput", {type: "setOutput", id: id(2), name: "b"}],
    ["togglePinned", {type: "togglePinned", id: id(1)}],
    ["toggleHidden", {type: "toggleHidden", id: id(3)}],
    ["paste", {type: "paste", index: 3, cells: [{id: id(9), mode: "js", source: "x", pinned: true, hidden: false, extra: []}]}]
  ];
  for (const [name, event] of events) {
    it(`transitionSession undoes ${name}, giving back the same document`, () => {
      const start = session(three);
      const changed = transitionSession(start, event).state;
      expect(serializeNotebook(changed.notebook)).not.toBe(serializeNotebook(start.notebook));
      const undone = transitionSession(changed, {type: "undo"}).state;
      expect(serializeNotebook(undone.notebook)).toBe(serializeNotebook(start.notebook));
    });
  }

  it("transitionSession undoes cut, keeping later edits of other cells", () => {
    const {state, effects} = play(session(three), {type: "cut", ids: [id(2)]}, {type: "edit", id: id(1), source: "const a = 5;"}, {type: "undo"});
    expect(effectsOf(effects, "copyCells")[0]!.cells.map((c) => c.source)).toEqual(["a + 1"]);
    expect(state.notebook.cells.map((c) => c.source)).toEqual(["const a = 5;", "a + 1", "# Notes"]);
  });

  it("transitionSession undo of a delete puts the cell back with its id and runs it again", () => {
    const {state, effects} = play(session(three), {type: "delete", ids: [id(2)]}, {type: "undo"});
    expect(ids(state)).toEqual([1, 2, 3]);
    expect(effectsOf(effects, "undefineCell")).toEqual([{type: "undefineCell", id: 2}]);
    expect(defined(effects)).toEqual([2]);
  });

  it("transitionSession never gives a new cell the id of a cell that an undo could bring back", () => {
    const {state} = play(session(three), {type: "delete", ids: [id(3)]}, {type: "insert", index: 0}, {type: "undo"}, {type: "undo"}, {type: "insert", index: 0});
    expect(ids(state)).toEqual([5, 1, 2, 3]);
    expect(new Set(ids(state)).size).toBe(4);
  });

  it("transitionSession pastes copies with fresh ids and leaves the originals", () => {
    const start = session(three);
    const copied = transitionSession(start, {type: "copy", ids: [id(1), id(2)]});
    const cells = effectsOf(copied.effects, "copyCells")[0]!.cells;
    const {state} = play(start, {type: "paste", index: 3, cells});
    expect(ids(state)).toEqual([1, 2, 3, 4, 5]);
    expect(state.notebook.cells.slice(3).map((c) => c.source)).toEqual(["const a = 1;", "a + 1"]);
  });

  it("transitionSession with nothing to undo changes nothing", () => {
    const start = session(three);
    expect(transitionSession(start, {type: "undo"})).toEqual({state: start, effects: []});
  });
});

describe("transitionSession: saving", () => {
  const fileSession = (): SessionState => session(three, {canSave: true, version: "v1"});

  it("transitionSession saves to the file from the version it loaded, and then says saved", () => {
    const {state, effects} = play(fileSession(), {type: "edit", id: id(2), source: "a + 2"}, {type: "save"});
    const text = serializeNotebook(state.notebook);
    expect(effectsOf(effects, "scheduleSave")).toHaveLength(1);
    expect(effectsOf(effects, "saveFile")).toEqual([{type: "saveFile", text, baseVersion: "v1"}]);
    const done = transitionSession(state, {type: "saveSucceeded", text, version: "v2"});
    expect(done.state.save).toBe("saved");
    expect(done.state.file).toEqual({text, version: "v2"});
    expect(effectsOf(done.effects, "markDraftSaved")).toEqual([{type: "markDraftSaved", text}]);
  });

  it("transitionSession an edit made while saving stays unsaved after the save and is saved next", () => {
    const {state} = play(fileSession(), {type: "edit", id: id(2), source: "a + 2"}, {type: "save"});
    const saving = state.pending!;
    const {state: after, effects} = play(state, {type: "edit", id: id(2), source: "a + 3"}, {type: "saveSucceeded", text: saving, version: "v2"});
    expect(after.save).toBe("unsaved");
    expect(effectsOf(effects, "scheduleSave").length).toBeGreaterThan(0);
    expect(effectsOf(transitionSession(after, {type: "save"}).effects, "saveFile")[0]!.baseVersion).toBe("v2");
  });

  it("transitionSession on a conflict shows both versions; keeping mine saves over the disk's version", () => {
    const {state} = play(fileSession(), {type: "edit", id: id(2), source: "a + 2"}, {type: "save"});
    const disk = notebookText([{source: "const a = 2;"}]);
    const conflict = transitionSession(state, {type: "saveConflict", diskText: disk, diskVersion: "v9"});
    expect(conflict.state.save).toBe("conflict");
    expect(effectsOf(conflict.effects, "showConflict")).toEqual([{type: "showConflict", mine: state.pending, disk}]);
    const mine = transitionSession(conflict.state, {type: "conflictResolved", choice: "mine"});
    expect(effectsOf(mine.effects, "saveFile")).toEqual([{type: "saveFile", text: state.pending, baseVersion: "v9"}]);
  });

  it("transitionSession taking the disk's version shows it; deciding later keeps the old base", () => {
    const {state} = play(fileSession(), {type: "edit", id: id(2), source: "a + 2"}, {type: "save"});
    const disk = notebookText([{source: "const a = 2;"}]);
    const conflict = transitionSession(state, {type: "saveConflict", diskText: disk, diskVersion: "v9"}).state;
    const taken = transitionSession(conflict, {type: "conflictResolved", choice: "disk"}).state;
    expect(serializeNotebook(taken.notebook)).toBe(disk);
    expect(taken.file.version).toBe("v9");
    const later = transitionSession(conflict, {type: "conflictResolved", choice: "later"}).state;
    expect(effectsOf(transitionSession(later, {type: "save"}).effects, "saveFile")[0]!.baseVersion).toBe("v1");
  });

  it("transitionSession follows a disk change when the page has no edits, and asks when it has", () => {
    const disk = notebookText([{source: "const a = 1;"}, {source: "a * 100"}, {mode: "md", source: "# Notes"}]);
    const clean = transitionSession(fileSession(), {type: "diskChanged", text: disk, version: "v2"});
    expect(defined(clean.effects)).toEqual([2]);
    expect(clean.state.file.version).toBe("v2");
    const {state} = play(fileSession(), {type: "edit", id: id(1), source: "const a = 7;"});
    const dirty = transitionSession(state, {type: "diskChanged", text: disk, version: "v2"});
    expect(dirty.state.save).toBe("conflict");
    expect(defined(dirty.effects)).toEqual([]);
  });

  it("transitionSession asks once whether to edit a shipped file or copy it, and saves nothing before the answer", () => {
    const start = session(three, {canSave: true, version: "v1", askBeforeEditing: true});
    const {state, effects} = play(start, {type: "edit", id: id(2), source: "a + 2"}, {type: "edit", id: id(2), source: "a + 3"}, {type: "save"});
    expect(effectsOf(effects, "askEditChoice").length).toBeGreaterThanOrEqual(1);
    expect(effectsOf(effects, "saveFile")).toEqual([]);
    expect(effectsOf(effects, "scheduleSave")).toEqual([]);
    const copy = transitionSession(state, {type: "editChoice", choice: "copy"});
    expect(effectsOf(copy.effects, "saveCopy")).toEqual([{type: "saveCopy", text: serializeNotebook(state.notebook)}]);
    const file = transitionSession(state, {type: "editChoice", choice: "file"});
    expect(effectsOf(file.effects, "scheduleSave")).toHaveLength(1);
  });

  it("transitionSession without a file keeps every change in this browser", () => {
    const {effects} = play(session(three), {type: "edit", id: id(2), source: "a + 2"}, {type: "insert", index: 0});
    expect(effectsOf(effects, "writeDraft")).toHaveLength(2);
    expect(effectsOf(effects, "saveFile")).toEqual([]);
  });
});

describe("transitionSession: saving a file that has errors", () => {
  it("transitionSession saves a file with an unclosed <script> in the canonical layout, so the saved file has no error", () => {
    const broken = '<!doctype html>\n<notebook>\n  <title>Broken</title>\n  <script id="1" type="module">\n    1 + 1\n  <script id="2" type="module">\n    2 + 2\n  </script>\n</notebook>\n';
    const start = createSession({text: broken, trusted: true, running: true, canSave: true, version: "v1"});
    const {state, effects} = play(start, {type: "edit", id: id(2), source: "2 + 3"}, {type: "save"});
    const saved = effectsOf(effects, "saveFile")[0]!.text;
    expect(readNotebook(saved).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(readNotebook(saved).notebook.cells.map((c) => c.source)).toEqual(state.notebook.cells.map((c) => c.source));
    expect(transitionSession(state, {type: "saveSucceeded", text: saved, version: "v2"}).state.save).toBe("saved");
  });
});

describe("transitionSession: never lose an edit", () => {
  it("transitionSession follows another page's version of a draft when this page has no edit of its own since", () => {
    const start = session(three);
    const theirs = notebookText([{source: "const a = 1;"}, {source: "a + 5"}, {mode: "md", source: "# Notes"}]);
    const {state, effects} = play(start, {type: "otherPageWrote", text: theirs, base: textVersion(start.file.text)});
    expect(serializeNotebook(state.notebook)).toBe(theirs);
    expect(defined(effects)).toEqual([2]);
    expect(effectsOf(effects, "showConflict")).toEqual([]);
    expect(effectsOf(effects, "writeDraft")).toEqual([]);
  });

  it("transitionSession shows both versions when two pages edited a draft at once, and keeps the one not chosen", () => {
    const start = session(three);
    const base = textVersion(start.file.text);
    const theirs = notebookText([{source: "const a = 1;"}, {source: "a + 5"}, {mode: "md", source: "# Notes"}]);
    const {state, effects} = play(start, {type: "edit", id: id(2), source: "a + 9"}, {type: "otherPageWrote", text: theirs, base});
    const mine = serializeNotebook(state.notebook);
    expect(effectsOf(effects, "showConflict")).toEqual([{type: "showConflict", mine, disk: theirs}]);
    const keepMine = transitionSession(state, {type: "conflictResolved", choice: "mine"});
    expect(effectsOf(keepMine.effects, "keepVersion")).toEqual([{type: "keepVersion", text: theirs}]);
    expect(effectsOf(keepMine.effects, "writeDraft").map((e) => e.text)).toEqual([mine]);
    const takeTheirs = transitionSession(state, {type: "conflictResolved", choice: "disk"});
    expect(effectsOf(takeTheirs.effects, "keepVersion")).toEqual([{type: "keepVersion", text: mine}]);
    expect(serializeNotebook(takeTheirs.state.notebook)).toBe(theirs);
  });

  it("transitionSession keeps the losing side of a file conflict in History and as a copy beside the file", () => {
    const {state} = play(session(three, {canSave: true, version: "v1"}), {type: "edit", id: id(2), source: "a + 2"}, {type: "save"});
    const disk = notebookText([{source: "const a = 2;"}]);
    const conflict = transitionSession(state, {type: "saveConflict", diskText: disk, diskVersion: "v9"}).state;
    const mine = transitionSession(conflict, {type: "conflictResolved", choice: "mine"});
    expect([...effectsOf(mine.effects, "keepVersion"), ...effectsOf(mine.effects, "saveConflictCopy")]).toEqual([
      {type: "keepVersion", text: disk},
      {type: "saveConflictCopy", text: disk}
    ]);
    const theirs = transitionSession(conflict, {type: "conflictResolved", choice: "disk"});
    expect(effectsOf(theirs.effects, "saveConflictCopy")).toEqual([{type: "saveConflictCopy", text: state.pending}]);
  });

  it("transitionSession tells the reader when a version this page saved is replaced from elsewhere", () => {
    const {state} = play(session(three, {canSave: true, version: "v1"}), {type: "edit", id: id(2), source: "a + 2"}, {type: "save"});
    const saved = transitionSession(state, {type: "saveSucceeded", text: state.pending!, version: "v2"}).state;
    const replaced = transitionSession(saved, {type: "diskChanged", text: notebookText([{source: "const a = 3;"}]), version: "v3"});
    expect(effectsOf(replaced.effects, "showNotice")).toEqual([{type: "showNotice", text: expect.stringMatching(/replaced from elsewhere.*kept in History/)}]);
    const quiet = transitionSession(session(three, {canSave: true, version: "v1"}), {type: "diskChanged", text: notebookText([{source: "1"}]), version: "v2"});
    expect(effectsOf(quiet.effects, "showNotice")).toEqual([]);
  });
});
