import {describe, expect, it} from "vitest";
import {readNotebook, serializeNotebook} from "../../src/notebook/index.ts";

const fragments = [
  "<!doctype html>", "<notebook>", '<notebook theme="air" x=1>', "</notebook>", "<title>", "</title>", "&amp;", "&lt;",
  '<script id="1" type="module">', '<script id="1">', "<script type='text/markdown' pinned>", "<script id=2 hidden>", "</script>",
  "<\\/script>", "<!--", "-->", "<meta charset=utf-8>", "<style>", "</style>", "<div>", "</div>", "<br/>", "text", "${x}",
  "`", "\\", "\n", "\n  ", "\n    ", "  ", "\t", '"', "'", "=", "<", ">", "/", "</", "<html>", "<body>", "\r\n"
];

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("readNotebook on random files", () => {
  it("readNotebook never throws and what serializeNotebook writes reads back the same", () => {
    const next = random(42);
    for (let run = 0; run < 2000; run++) {
      const length = Math.floor(next() * 30);
      const text = Array.from({length}, () => fragments[Math.floor(next() * fragments.length)]).join("");
      const first = serializeNotebook(readNotebook(text).notebook);
      const reread = readNotebook(first);
      // Kept garbage is written back and so reported again, but every id was repaired once.
      expect(reread.diagnostics.filter((d) => d.message.includes("assigned id")), text).toEqual([]);
      expect(serializeNotebook(reread.notebook), text).toBe(first);
    }
  });
});
