import {describe, expect, it} from "vitest";
import {presentCommandOf, presentKey, startPresentationState, transitionPresentation, type PresentKey, type PresentState} from "../../src/ui/present/index.ts";

/** The state after pressing `keys` in order. */
const press = (state: PresentState, ...keys: Array<string | PresentKey>) => keys.reduce((s, k) => presentKey(s, typeof k === "string" ? {key: k} : k), state);
const at = (index: number, count = 5) => startPresentationState(count, index);

describe("presentKey", () => {
  it("presentKey: arrows, Space and PageDown go forward, stopping at the last slide", () => {
    expect(press(at(0), "ArrowRight", "ArrowDown", " ", "PageDown").index).toBe(4);
    expect(press(at(4), "ArrowRight").index).toBe(4);
  });

  it("presentKey: left, up, Shift+Space and PageUp go back, stopping at the first slide", () => {
    expect(press(at(4), "ArrowLeft", "ArrowUp", {key: " ", shift: true}, "PageUp").index).toBe(0);
    expect(press(at(0), "ArrowLeft").index).toBe(0);
  });

  it("presentKey: Home and End go to the first and last slide", () => {
    expect(press(at(2), "End").index).toBe(4);
    expect(press(at(2), "Home").index).toBe(0);
  });

  it("presentKey: Esc ends the presentation and closes the notes", () => {
    expect(press(at(2), "s", "Escape")).toMatchObject({phase: "ended", notes: false, index: 2});
  });

  it("presentKey: S opens and closes the speaker notes", () => {
    expect(press(at(0), "S").notes).toBe(true);
    expect(press(at(0), "s", "s").notes).toBe(false);
  });

  it("presentKey: Enter edits the slide; then keys belong to the editor until Esc", () => {
    const editing = press(at(1), "Enter");
    expect(editing.phase).toBe("editing");
    expect(press(editing, "ArrowRight", "End", "s")).toEqual(editing);
    expect(press(editing, "Escape")).toMatchObject({phase: "slides", index: 1});
  });

  it("presentKey ignores keys it does not know", () => {
    expect(press(at(1), "x", "e", "Tab")).toEqual(at(1));
  });

  it("presentKey: an empty presentation stays at its start and cannot be edited", () => {
    expect(press(startPresentationState(0), "End", "ArrowRight", "Enter")).toMatchObject({index: 0, count: 0, phase: "slides"});
  });
});

describe("transitionPresentation", () => {
  it("transitionPresentation keeps the index within a new count after the notebook is split again", () => {
    expect(transitionPresentation(at(4), {type: "slides", count: 3, index: 4})).toMatchObject({index: 2, count: 3});
  });

  it("transitionPresentation: the notes window closed by the presenter turns notes off", () => {
    expect(transitionPresentation(press(at(0), "s"), {type: "notesClosed"}).notes).toBe(false);
  });

  it("presentCommandOf tells Space from Shift+Space and ignores a letter's case", () => {
    expect([presentCommandOf({key: " "}), presentCommandOf({key: " ", shift: true}), presentCommandOf({key: "S"}), presentCommandOf({key: "q"})]).toEqual(["next", "previous", "notes", undefined]);
  });
});
