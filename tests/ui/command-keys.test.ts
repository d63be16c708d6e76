import {describe, expect, it} from "vitest";
import {deleteChordMs, initialKeyState, pressKey, type KeyInput, type KeyState} from "../../src/ui/editor/index.ts";

/** The commands of a sequence of keys, and the state after them. */
function press(keys: Array<string | Partial<KeyInput>>, start: KeyState = initialKeyState) {
  let state = start;
  let time = 0;
  const commands: unknown[] = [];
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
  it("Enter edits the selected cell and Esc leaves the editor", () => {
    expect(press(["Enter"])).toMatchObject({state: {mode: "edit"}, commands: [{type: "enterEdit"}]});
    expect(press(["Escape"], edit)).toMatchObject({state: {mode: "command"}, commands: [{type: "leaveEdit"}]});
  });

  it("A and B insert above and below", () => {
    expect(press(["a"]).commands).toEqual([{type: "insertAbove"}]);
    expect(press(["B"]).commands).toEqual([{type: "insertBelow"}]);
  });

  it("D D deletes, a single D does nothing, and a slow second D starts over", () => {
    expect(press(["d"]).commands).toEqual([]);
    expect(press(["d", "d"]).commands).toEqual([{type: "delete"}]);
    expect(press([{key: "d", time: 0}, {key: "d", time: deleteChordMs + 1}]).commands).toEqual([]);
    expect(press(["d", "x", "d"]).commands).toEqual([]);
  });

  it("Z undoes a delete; M makes Markdown; Y makes code", () => {
    expect(press(["z"]).commands).toEqual([{type: "undoDelete"}]);
    expect(press(["m"]).commands).toEqual([{type: "setMode", mode: "md"}]);
    expect(press(["y"]).commands).toEqual([{type: "setMode", mode: "js"}]);
  });

  it("arrows and J/K move the selection", () => {
    expect(press(["ArrowUp", "k", "ArrowDown", "j"]).commands).toEqual([
      {type: "select", by: -1}, {type: "select", by: -1}, {type: "select", by: 1}, {type: "select", by: 1}
    ]);
  });

  it("Shift+Enter runs and advances, Mod+Enter runs in place, Mod+S saves, in both modes", () => {
    for (const start of [initialKeyState, edit]) {
      expect(press([{key: "Enter", shift: true}], start).commands).toEqual([{type: "run", advance: true}]);
      expect(press([{key: "Enter", mod: true}], start).commands).toEqual([{type: "run", advance: false}]);
      expect(press([{key: "s", mod: true}], start).commands).toEqual([{type: "save"}]);
    }
  });

  it("in edit mode, letters are typed, not commands", () => {
    const result = press(["a", "d", "d", "z"], edit);
    expect(result).toMatchObject({state: {mode: "edit"}, commands: [], handled: false});
  });

  it("keys with Ctrl or Alt in command mode stay the browser's", () => {
    expect(press([{key: "a", mod: true}])).toMatchObject({commands: [], handled: false});
    expect(press([{key: "c", mod: true}])).toMatchObject({commands: [], handled: false});
  });
});
