import {describe, expect, it} from "vitest";
import {parseMemoryBudget, type FileLoadProgress} from "../../src/data/index.ts";
import {describeFileLoad, NO_FILE_LOADS, transitionFileLoads} from "../../src/ui/index.ts";

const parquet = (rows: number, phase: FileLoadProgress["phase"] = "loading"): FileLoadProgress => ({
  table: "Deaths",
  file: "deaths.parquet",
  phase,
  rows,
  totalRows: 10_000_000,
  bytes: rows * 40,
  totalBytes: 400_000_000
});

describe("file loads as the page shows them", () => {
  it("a Parquet load says rows and bytes done of the file's total; a CSV load its size", () => {
    expect(describeFileLoad(parquet(3_200_000))).toEqual({
      text: "Loading deaths.parquet as table Deaths: 3,200,000 of 10,000,000 rows (32%), 128.0 MB of 400.0 MB",
      fraction: 0.32
    });
    expect(describeFileLoad({table: "events", file: "events.csv", phase: "loading", bytes: 0, totalBytes: 1_250_000_000})).toEqual({
      text: "Loading events.csv as table events (1.3 GB)…"
    });
  });

  it("keeps one entry per table while it loads and forgets it once done or failed", () => {
    let loads = transitionFileLoads(NO_FILE_LOADS, parquet(0));
    loads = transitionFileLoads(loads, parquet(1_000_000));
    loads = transitionFileLoads(loads, {table: "events", file: "events.csv", phase: "loading", bytes: 0, totalBytes: 10});
    expect([...loads.keys()]).toEqual(["deaths", "events"]);
    expect(loads.get("deaths")!.rows).toBe(1_000_000);
    loads = transitionFileLoads(loads, parquet(10_000_000, "done"));
    loads = transitionFileLoads(loads, {table: "events", file: "events.csv", phase: "failed", bytes: 0, totalBytes: 10});
    expect(loads.size).toBe(0);
  });

  it("reads a memory budget from a page address, ignoring what is not one", () => {
    expect(parseMemoryBudget("500MB")).toBe(500e6);
    expect(parseMemoryBudget("2 gb")).toBe(2e9);
    expect(parseMemoryBudget("123456")).toBe(123456);
    expect(parseMemoryBudget("lots")).toBeUndefined();
    expect(parseMemoryBudget(null)).toBeUndefined();
    expect(parseMemoryBudget("0")).toBeUndefined();
  });
});
