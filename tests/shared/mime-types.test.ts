import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {serveStatic} from "../../src/cli/index.ts";
import {contentTypeOf, mimeTypeOf} from "../../src/shared/index.ts";

describe("mimeTypeOf", () => {
  it("mimeTypeOf reads the extension whatever its case, ignoring a query and hash", () => {
    expect(mimeTypeOf("data/Deaths.CSV?v=2#top")).toBe("text/csv");
    expect(mimeTypeOf("map.topojson")).toBe("application/json");
    expect(mimeTypeOf("budget.xlsx")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("mimeTypeOf knows every common image type, so image() and servers treat them as images", () => {
    for (const name of ["a.png", "a.jpg", "a.jpeg", "a.gif", "a.webp", "a.avif", "a.svg", "a.bmp", "a.ico", "a.tiff"]) {
      expect(mimeTypeOf(name), name).toMatch(/^image\//);
    }
  });

  it("mimeTypeOf is application/octet-stream without a known extension (dotfiles included)", () => {
    expect(mimeTypeOf("README")).toBe("application/octet-stream");
    expect(mimeTypeOf(".env")).toBe("application/octet-stream");
    expect(mimeTypeOf("archive.tar.unknown")).toBe("application/octet-stream");
  });

  it("contentTypeOf adds charset=utf-8 to text types only", () => {
    expect(contentTypeOf("index.html")).toBe("text/html; charset=utf-8");
    expect(contentTypeOf("chart.svg")).toBe("image/svg+xml; charset=utf-8");
    expect(contentTypeOf("duckdb.wasm")).toBe("application/wasm");
  });
});

describe("serveStatic", () => {
  it("serveStatic sends each file with the Content-Type of the shared list", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mapt-mime-"));
    await writeFile(path.join(dir, "diagram.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    await writeFile(path.join(dir, "budget.xlsx"), new Uint8Array([80, 75, 3, 4]));
    const server = await serveStatic(dir);
    try {
      const svg = await fetch(`${server.url}diagram.svg`);
      const xlsx = await fetch(`${server.url}budget.xlsx`);
      expect([svg.headers.get("content-type"), xlsx.headers.get("content-type")]).toEqual([
        "image/svg+xml; charset=utf-8",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      ]);
    } finally {
      await server.close();
    }
  });
});
