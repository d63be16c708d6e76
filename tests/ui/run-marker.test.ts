import {describe, expect, it} from "vitest";
import {readRunMark, stoppedNotice, withRunningCell} from "../../src/ui/run-marker.ts";
import {engineReportText} from "../../src/ui/engine-notice.ts";

describe("run marks", () => {
  it("readRunMark reads a mark with its running cells, an older page's bare time, and nothing from junk", () => {
    expect(readRunMark('{"at":1700000000000,"cells":[7,9]}')).toEqual({at: 1700000000000, cells: [7, 9]});
    expect(readRunMark("1700000000000")).toEqual({at: 1700000000000, cells: []});
    expect(readRunMark(null)).toBeUndefined();
    expect(readRunMark("not json")).toBeUndefined();
    expect(readRunMark('{"cells":[1]}')).toBeUndefined();
    expect(readRunMark('{"at":5,"cells":[1,"x",2.5]}')).toEqual({at: 5, cells: [1]});
  });

  it("withRunningCell names a cell once while it runs and forgets it when it settles", () => {
    const mark = {at: 5, cells: [3]};
    expect(withRunningCell(withRunningCell(mark, 7, true), 7, true)).toEqual({at: 5, cells: [3, 7]});
    expect(withRunningCell({at: 5, cells: [3, 7]}, 3, false)).toEqual({at: 5, cells: [7]});
  });

  it("stoppedNotice names the cells that were running when the page stopped", () => {
    const when = new Date(0);
    expect(stoppedNotice({when, cells: [7]})).toMatch(/stopped responding or crashed.*while cell 7 ran.*has not run this time/);
    expect(stoppedNotice({when, cells: [2, 7]})).toMatch(/while cells 2, 7 ran/);
    expect(stoppedNotice({when, cells: []})).not.toMatch(/while cell/);
  });
});

describe("engine reports", () => {
  it("engineReportText says what happened to DuckDB, what the page does, and that edits are kept", () => {
    const fault = {kind: "crashed", message: "out of memory"} as const;
    expect(engineReportText({type: "restarting", fault, generation: 0})).toMatch(/^DuckDB's worker crashed \(out of memory\)\. The page is starting a new DuckDB.*edits are kept/);
    expect(engineReportText({type: "restarted", fault, generation: 1})).toMatch(/replaced it.*SQL cells ran again/);
    expect(engineReportText({type: "gaveUp", fault: {kind: "stuck", graceMs: 3000}, reason: "DuckDB stopped 4 times within 60 s"})).toMatch(
      /did not stop a query within 3 s.*stopped 4 times.*until the page is reloaded; your edits are kept/
    );
  });
});
