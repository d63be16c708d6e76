import {unzipSync} from "fflate";
import {
  childrenNamed,
  columnIndex,
  columnLetters,
  elementsNamed,
  isDateFormat,
  readWorksheetCells,
  stringText,
  type CellContext,
  type CellValue,
  type WorksheetCells
} from "./worksheet-cells.ts";

/** Options of {@link Workbook.sheet}. */
export interface SheetOptions {
  /**
   * The cells to read, as `"A1:C10"`; either corner's column or row may be left out (`"B:"` is
   * column B onwards, `":C10"` up to C10). Default: every cell with a value.
   */
  range?: string;
  /** Name columns by the first row of the range (which is then not a row). Default: `false`, names are column letters. */
  headers?: boolean;
}

/** Rows of a sheet: one object per row, keyed by column name, with its 1-based row number as `#`. */
export type SheetRows = Array<Record<string, CellValue>> & {
  /** `"#"` then the column names, in column order. */
  columns: string[];
};

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** An Excel workbook (.xlsx) as `FileAttachment(...).xlsx()` returns it. */
export class Workbook {
  /** The names of its sheets, in workbook order. */
  readonly sheetNames: readonly string[];
  readonly #name: string;
  readonly #parts: Record<string, Uint8Array>;
  readonly #sheetPaths: readonly string[];
  readonly #parseXml: (text: string) => Document;
  readonly #context: CellContext;
  readonly #cells = new Map<string, WorksheetCells>();

  private constructor(name: string, parts: Record<string, Uint8Array>, parseXml: (text: string) => Document) {
    this.#name = name;
    this.#parts = parts;
    this.#parseXml = parseXml;
    const workbookPath = this.#relationships("_rels/.rels").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
    const workbook = this.#xml(workbookPath);
    if (workbook === undefined) throw new Error(`FileAttachment "${name}" is not an Excel workbook: it has no ${workbookPath}`);
    const relationships = this.#relationships(relationshipsPath(workbookPath));
    const targetOf = (type: string) => relationships.find((r) => r.type.endsWith(`/${type}`))?.target;
    const sheets = elementsNamed(workbook, "sheet");
    this.sheetNames = sheets.map((sheet) => sheet.getAttribute("name") ?? "");
    this.#sheetPaths = sheets.map((sheet) => {
      const id = relationshipId(sheet);
      return relationships.find((r) => r.id === id)?.target ?? "";
    });
    const date1904 = elementsNamed(workbook, "workbookPr").some((p) => ["1", "true"].includes(p.getAttribute("date1904") ?? ""));
    const strings = this.#xml(targetOf("sharedStrings") ?? "xl/sharedStrings.xml");
    const styles = this.#xml(targetOf("styles") ?? "xl/styles.xml");
    this.#context = {
      sharedStrings: strings === undefined ? [] : elementsNamed(strings, "si").map(stringText),
      dateStyles: styles === undefined ? [] : dateStyles(styles),
      date1904
    };
  }

  /** Reads the workbook in the .xlsx `bytes` (of the file `name`, for messages). */
  static open(name: string, bytes: Uint8Array, parseXml: (text: string) => Document): Workbook {
    let parts: Record<string, Uint8Array>;
    try {
      parts = unzipSync(bytes, {filter: (entry) => /\.(xml|rels)$/.test(entry.name)});
    } catch (error) {
      throw new Error(
        `FileAttachment "${name}" is not an Excel workbook (.xlsx): ${(error as Error).message}. xlsx() reads Excel 2007 and later files; save an older .xls as .xlsx`,
        {cause: error}
      );
    }
    return new Workbook(name, parts, parseXml);
  }

  /**
   * The rows of the sheet `name` (or its index in {@link sheetNames}), as objects keyed by column
   * letter or, with `headers`, by the range's first row.
   */
  sheet(name: string | number, {range, headers = false}: SheetOptions = {}): SheetRows {
    const index = typeof name === "number" ? name : this.sheetNames.indexOf(String(name));
    if (!(index >= 0 && index < this.sheetNames.length)) {
      throw new Error(`Workbook "${this.#name}" has no sheet ${JSON.stringify(name)}; its sheets are ${this.sheetNames.map((s) => `"${s}"`).join(", ")}`);
    }
    const cells = this.#sheetCells(index);
    return extractRows(cells, parseRange(range, cells, this.sheetNames[index]!), headers);
  }

  #sheetCells(index: number): WorksheetCells {
    const path = this.#sheetPaths[index]!;
    let cells = this.#cells.get(path);
    if (cells === undefined) {
      const sheet = this.#xml(path);
      cells = sheet === undefined ? {rows: new Map(), rowCount: 0, columnCount: 0} : readWorksheetCells(sheet, this.#context);
      this.#cells.set(path, cells);
    }
    return cells;
  }

  #xml(path: string): Document | undefined {
    const bytes = this.#parts[path];
    return bytes === undefined ? undefined : this.#parseXml(new TextDecoder().decode(bytes));
  }

  /** The relationships of a part, with targets resolved to archive paths. */
  #relationships(path: string): Array<{id: string; type: string; target: string}> {
    const xml = this.#xml(path);
    if (xml === undefined) return [];
    const base = path.replace(/_rels\/[^/]*$/, "");
    return elementsNamed(xml, "Relationship").map((r) => ({
      id: r.getAttribute("Id") ?? "",
      type: r.getAttribute("Type") ?? "",
      target: resolvePath(base, r.getAttribute("Target") ?? "")
    }));
  }
}

/** A `<sheet>`'s `r:id`, whatever the prefix of the relationships namespace. */
function relationshipId(sheet: Element): string | undefined {
  const id = sheet.getAttributeNS(RELATIONSHIPS_NS, "id");
  if (id !== null) return id;
  return Array.from(sheet.attributes).find((attribute) => attribute.name.endsWith(":id"))?.value;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as an archive path: absolute (`/xl/...`) or relative to `base` (`../x`). */
function resolvePath(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const segment of target.split("/").filter(Boolean)) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

/** Per cell style (`cellXfs`), whether its number format is a date or time. */
function dateStyles(styles: Document): boolean[] {
  const codes = new Map(elementsNamed(styles, "numFmt").map((f) => [Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? ""]));
  const cellXfs = elementsNamed(styles, "cellXfs")[0];
  if (cellXfs === undefined) return [];
  return childrenNamed(cellXfs, "xf").map((xf) => {
    const id = Number(xf.getAttribute("numFmtId") ?? 0);
    return isDateFormat(id, codes.get(id));
  });
}

/** Zero-based inclusive bounds of a range. */
interface Bounds {
  c0: number;
  r0: number;
  c1: number;
  r1: number;
}

function parseRange(range: string | undefined, cells: WorksheetCells, sheet: string): Bounds {
  const match = /^([A-Z]*)(\d*):([A-Z]*)(\d*)$/.exec((range ?? ":").toUpperCase());
  if (match === null) {
    throw new Error(`Sheet "${sheet}": range ${JSON.stringify(range)} is not like "A1:C10" (a corner's column or row may be left out, as in "B:" or ":C10")`);
  }
  const [, cs0, rs0, cs1, rs1] = match;
  return {
    c0: cs0 ? columnIndex(cs0) : 0,
    r0: rs0 ? Number(rs0) - 1 : 0,
    c1: cs1 ? columnIndex(cs1) : cells.columnCount - 1,
    r1: rs1 ? Number(rs1) - 1 : cells.rowCount - 1
  };
}

function extractRows(cells: WorksheetCells, {c0, r0, c1, r1}: Bounds, headers: boolean): SheetRows {
  const taken = new Set(["#"]);
  const names: string[] = [];
  const headerRow = headers ? cells.rows.get(r0) : undefined;
  if (headers) r0++;
  for (let c = c0; c <= c1; c++) {
    const header = headerRow?.get(c);
    let name = header === undefined || header === "" ? columnLetters(c) : String(header);
    while (taken.has(name)) name += "_";
    taken.add(name);
    names.push(name);
  }
  const rows: Array<Record<string, CellValue>> = [];
  for (let r = r0; r <= r1; r++) {
    // No prototype: a column named "constructor" or "__proto__" is a column like any other.
    const row: Record<string, CellValue> = Object.create(null, {"#": {value: r + 1}});
    const values = cells.rows.get(r);
    if (values !== undefined) {
      for (let c = c0; c <= c1; c++) {
        const value = values.get(c);
        if (value !== undefined) row[names[c - c0]!] = value;
      }
    }
    rows.push(row);
  }
  return Object.assign(rows, {columns: ["#", ...names]});
}
