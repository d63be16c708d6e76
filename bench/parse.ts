// npm run bench:parse: how long readNotebook takes on generated files from 10 KB to 5 MB, for an
// ordinary notebook and each shape that could make reading slower than linear. Prints, per shape
// and size, the time, the steps counted per character and the growth from the size before
// (time ratio over size ratio: about 1 when reading is linear, about 10 when quadratic).
import {readNotebook, serializeNotebook, type StepCounter} from "../src/notebook/index.ts";
import {notebookShapes} from "./notebookShapes.ts";

const sizes = [10_000, 100_000, 1_000_000, 5_000_000];

/** CPU milliseconds of the fastest of `runs` reads (the machine is shared; the fastest is the least disturbed). */
function timeRead(text: string, runs: number): {ms: number; steps: number} {
  let best = Infinity;
  let steps = 0;
  for (let run = 0; run < runs; run++) {
    const counter: StepCounter = {steps: 0};
    const start = process.cpuUsage();
    readNotebook(text, {counter});
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
    steps = counter.steps;
  }
  return {ms: best, steps};
}

const rows: string[][] = [["shape", "size", "ms", "MB/s", "steps/char", "growth"]];
for (const [shape, generate] of Object.entries(notebookShapes)) {
  let previous: {size: number; ms: number} | undefined;
  for (const size of sizes) {
    const text = generate(size);
    const {ms, steps} = timeRead(text, size <= 100_000 ? 5 : 2);
    if (serializeNotebook(readNotebook(text).notebook) !== text) throw new Error(`${shape}: the ${size}-character file did not write back byte for byte`);
    const growth = previous && previous.ms > 0 ? (ms / previous.ms) / (size / previous.size) : undefined;
    rows.push([shape, `${size / 1000} KB`, ms.toFixed(1), (text.length / 1e6 / (ms / 1000)).toFixed(1), (steps / text.length).toFixed(2), growth === undefined ? "" : growth.toFixed(2)]);
    previous = {size, ms};
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
