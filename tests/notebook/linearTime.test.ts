import {describe, expect, it} from "vitest";
import {notebookShapes} from "../../bench/notebookShapes.ts";
import {readNotebook, type StepCounter} from "../../src/notebook/index.ts";

const megabyte = 1 << 20;

function steps(text: string): number {
  const counter: StepCounter = {steps: 0};
  readNotebook(text, {counter});
  return counter.steps;
}

describe("readNotebook on large files", () => {
  it("readNotebook reads a 1 MB file of every pathological shape in at most 8 steps per character", () => {
    for (const [shape, generate] of Object.entries(notebookShapes)) {
      const text = generate(megabyte);
      expect(steps(text) / text.length, shape).toBeLessThanOrEqual(8);
    }
  });

  it("readNotebook does twice the work for twice the file, whatever its shape", () => {
    for (const [shape, generate] of Object.entries(notebookShapes)) {
      const ratio = steps(generate(megabyte / 2)) / steps(generate(megabyte / 4));
      expect(ratio, shape).toBeGreaterThan(1.8);
      expect(ratio, shape).toBeLessThan(2.2);
    }
  });
});
