import {describe, expect, it} from "vitest";
import {notebookShapes} from "../../bench/notebookShapes.ts";
import {readNotebook, type StepCounter} from "../../src/notebook/index.ts";

const megabyte = 1 << 20;
const shapes = Object.keys(notebookShapes);

function steps(shape: string, size: number): {steps: number; length: number} {
  const text = notebookShapes[shape]!(size);
  const counter: StepCounter = {steps: 0};
  readNotebook(text, {counter});
  return {steps: counter.steps, length: text.length};
}

describe("readNotebook on large files", () => {
  it.each(shapes)("readNotebook reads a 1 MB file of shape %j in at most 8 steps per character", (shape) => {
    const {steps: counted, length} = steps(shape, megabyte);
    expect(counted / length).toBeLessThanOrEqual(8);
  });

  it.each(shapes)("readNotebook does twice the work for twice the file of shape %j", (shape) => {
    const ratio = steps(shape, megabyte / 4).steps / steps(shape, megabyte / 8).steps;
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
  });
});
