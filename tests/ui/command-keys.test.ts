import {describe, expect, it} from "vitest";
import {chordMs, COMMANDS, initialKeyState, KEYMAP, matchCommands, pressKey, type KeyInput, type KeyState} from "../../src/ui/editor/index.ts";

/** The commands of a sequence of keys, and the state after them. */
function press(keys: Array<string | Partial<KeyInput>>, start: KeyState = initialKeyState) {
  let state = start;
  let time = 0;
  const commands: string[] = [];
  let handled = true;
  for (const k of keys) {
    const input = typeof k === "string" ? {key: k, time: (time += 10)} : {time: (time += 10), key: "", ...k};
    const result = pressKey(state, input);
    state = result.state;
    handled = result.handled;
    commands.push(...result.commands);
  }
  return {state, commands, handled};
}
const edit: KeyState = {mode: "edit"};

describe("pressKey", () => {
  it("pressKey: Enter edits the selected cell and Esc leaves the editor", () => {
    expect(press(["Enter"])).toMatchObject({state: {mode: "edit"}, commands: ["enterEdit"]});
    expect(press(["Escape"], edit)).toMatchObject({state: {mode: "command"}, commands: ["leaveEdit"]});
  });

  it("pressKey: A and B insert above and below; S, M and Y set SQL, Markdown and JavaScript", () => {
    expect(press(["a", "B", "s", "m", "y"]).commands).toEqual(["insertAbove", "insertBelow", "toSql", "toMarkdown", "toJavaScript"]);
  });

  it("pressKey: D D deletes, a single D does nothing, and a slow second D starts over", () => {
    expect(press(["d"]).commands).toEqual([]);
    expect(press(["d", "d"]).commands).toEqual(["delete"]);
    expect(press([{key: "d", time: 0}, {key: "d", time: chordMs + 1}]).commands).toEqual([]);
    expect(press(["d", "z", "d"]).commands).toEqual(["undo"]);
  });

  it("pressKey: I I interrupts, 0 0 restarts and runs all, Esc Esc leaves Edit mode, in command mode only", () => {
    expect(press(["i", "i", "0", "0", "Escape", "Escape"]).commands).toEqual(["interrupt", "restartRunAll", "done"]);
    expect(press(["i", "i", "0", "0"], edit)).toMatchObject({commands: [], handled: false});
  });

  it("pressKey: Z undoes; X, C and V cut, copy and paste cells", () => {
    expect(press(["z", "x", "c", "v"]).commands).toEqual(["undo", "cut", "copy", "paste"]);
  });

  it("pressKey: arrows and J/K move the selection", () => {
    expect(press(["ArrowUp", "k", "ArrowDown", "j"]).commands).toEqual(["selectPrevious", "selectPrevious", "selectNext", "selectNext"]);
  });

  it("pressKey: Shift+Enter, Mod+Enter, Mod+Shift+Enter, Mod+S and the palette keys work in both modes", () => {
    for (const start of [initialKeyState, edit]) {
      expect(
        press([{key: "Enter", shift: true}, {key: "Enter", mod: true}, {key: "Enter", mod: true, shift: true}, {key: "s", mod: true}, {key: "P", mod: true, shift: true}, {key: "k", mod: true}], start).commands
      ).toEqual(["runAdvance", "run", "runAll", "save", "palette", "palette"]);
    }
  });

  it("pressKey: ? (typed with Shift) and H open the keyboard help", () => {
    expect(press([{key: "?", shift: true}, "h"]).commands).toEqual(["help", "help"]);
  });

  it("pressKey: in edit mode, letters are typed, not commands", () => {
    expect(press(["a", "d", "d", "z", "?"], edit)).toMatchObject({state: {mode: "edit"}, commands: [], handled: false});
  });

  it("pressKey: keys with Ctrl or Alt in command mode stay the browser's unless bound", () => {
    expect(press([{key: "a", mod: true}])).toMatchObject({commands: [], handled: false});
    expect(press([{key: "c", mod: true}])).toMatchObject({commands: [], handled: false});
    expect(press([{key: "d", alt: true}])).toMatchObject({commands: [], handled: false});
  });
});

describe("the command list", () => {
  it("KEYMAP binds only commands that exist, and no key twice in one mode", () => {
    for (const binding of KEYMAP) expect(Object.keys(COMMANDS)).toContain(binding.command);
    const seen = KEYMAP.flatMap((b) => (b.scope === "both" ? ["command", "edit"] : [b.scope]).map((scope) => `${scope}:${b.keys.toLowerCase()}`));
    expect(seen.length).toBe(new Set(seen).size);
  });

  it("matchCommands finds commands by any words of their label, in list order", () => {
    expect(matchCommands("run all")).toEqual(["runAll", "restartRunAll"]);
    expect(matchCommands("interrupt")).toEqual(["interrupt"]);
    expect(matchCommands("zzz")).toEqual([]);
  });
});
