import {describe, expect, it} from "vitest";
import {isAttachmentFileName, isTableFileName, maybeAttachmentName, tableNameOf} from "../../src/shared/index.ts";

describe("attachment names", () => {
  it("tableNameOf names the table after the file, without folder or extension", () => {
    expect(tableNameOf("deaths.csv")).toBe("deaths");
    expect(tableNameOf("data/penguins.parquet")).toBe("penguins");
    expect(tableNameOf("Deaths.JSON")).toBe("deaths");
  });

  it("tableNameOf makes a name that is not an identifier one", () => {
    expect(tableNameOf("Deaths 2011 (UN).csv")).toBe("deaths_2011_un");
    expect(tableNameOf("décès-syrie.tsv")).toBe("deces_syrie");
    expect(tableNameOf("2011.csv")).toBe("t_2011");
    expect(tableNameOf("order.csv")).toBe("order_table");
    expect(tableNameOf("وفيات.csv")).toBe("data");
  });

  it("maybeAttachmentName gives a safe file name and its table, or undefined for other formats", () => {
    expect(maybeAttachmentName("Deaths 2011 (UN).CSV")).toEqual({file: "deaths-2011-un.csv", table: "deaths_2011_un"});
    expect(maybeAttachmentName("events_by_year.parquet")).toEqual({file: "events_by_year.parquet", table: "events_by_year"});
    expect(maybeAttachmentName("C:\\Users\\me\\flows.arrow")).toEqual({file: "flows.arrow", table: "flows"});
    expect(maybeAttachmentName("../../secret.json")).toEqual({file: "secret.json", table: "secret"});
    expect(maybeAttachmentName("photo.png")).toBeUndefined();
    expect(maybeAttachmentName("notebook.html")).toBeUndefined();
    expect(maybeAttachmentName("csv")).toBeUndefined();
  });

  it("isAttachmentFileName accepts exactly the names maybeAttachmentName makes", () => {
    for (const original of ["Deaths 2011 (UN).CSV", "a.tsv", "x".repeat(300) + ".json", "ÉTÉ.parquet", "-.arrow"]) {
      expect(isAttachmentFileName(maybeAttachmentName(original)!.file)).toBe(true);
    }
    for (const name of ["../deaths.csv", "sub/deaths.csv", "Deaths.csv", ".deaths.csv", "deaths.csv.html", "deaths\u202e.csv", "deaths.csv ", "deaths.CSV", "deaths"]) {
      expect(isAttachmentFileName(name)).toBe(false);
    }
  });

  it("isTableFileName tells the data files that become tables", () => {
    expect(["a.csv", "b.TSV", "data/c.json", "d.parquet", "e.arrow"].map(isTableFileName)).toEqual([true, true, true, true, true]);
    expect(["a.png", "b.html", "csv", ".csv", "a.csv.txt"].map(isTableFileName)).toEqual([false, false, false, false, false]);
  });
});
