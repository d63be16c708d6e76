/** The value of one cell of a worksheet: formula cells have their last computed result; errors are `NaN`. */
export type CellValue = string | number | boolean | Date;

/** The cells of one worksheet that have a value, by zero-based row then column. */
export interface WorksheetCells {
  rows: Map<number, Map<number, CellValue>>;
  /** One more than the last row index with a value (0 for an empty sheet). */
  rowCount: number;
  /** One more than the last column index with a value. */
  columnCount: number;
}

/** What the workbook tells about reading its cells. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** Per cell style index (`s`), whether its number format shows a date or time. */
  dateStyles: readonly boolean[];
  /** Serial day numbers count from 1904 instead of 1900. */
  date1904: boolean;
}

/** The elements named `localName` inside `root`, whatever their namespace prefix. */
export function elementsNamed(root: Document | Element, localName: string): Element[] {
  // A walk rather than getElementsByTagNameNS("*", name), which some DOMs (happy-dom) get wrong.
  return Array.from(root.querySelectorAll("*")).filter((element) => localNameOf(element) === localName);
}

/** The children of `element` named `localName`, whatever their namespace prefix. */
export function childrenNamed(element: Element, localName: string): Element[] {
  return Array.from(element.children).filter((child) => localNameOf(child) === localName);
}

function localNameOf(element: Element): string {
  return element.localName.slice(element.localName.indexOf(":") + 1);
}

/** The text of a shared or inline string: its runs joined, phonetic guides (`rPh`) left out. */
export function stringText(item: Element): string {
  return [item, ...childrenNamed(item, "r")]
    .flatMap((run) => childrenNamed(run, "t"))
    .map((t) => t.textContent ?? "")
    .join("");
}

/** Zero-based column index of a column's letters: A → 0, Z → 25, AA → 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** The letters of a zero-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Reads the cells of a worksheet part (`xl/worksheets/sheetN.xml`). */
export function readWorksheetCells(sheet: Document, context: CellContext): WorksheetCells {
  const rows = new Map<number, Map<number, CellValue>>();
  let rowCount = 0;
  let columnCount = 0;
  let rowIndex = -1;
  for (const row of elementsNamed(sheet, "row")) {
    const r = row.getAttribute("r");
    rowIndex = r === null ? rowIndex + 1 : Number(r) - 1;
    let column = -1;
    for (const cell of childrenNamed(row, "c")) {
      const reference = /^([A-Z]+)\d*$/.exec(cell.getAttribute("r") ?? "");
      column = reference === null ? column + 1 : columnIndex(reference[1]!);
      const value = cellValue(cell, context);
      if (value === undefined) continue;
      let cells = rows.get(rowIndex);
      if (cells === undefined) rows.set(rowIndex, (cells = new Map()));
      cells.set(column, value);
      rowCount = Math.max(rowCount, rowIndex + 1);
      columnCount = Math.max(columnCount, column + 1);
    }
  }
  return {rows, rowCount, columnCount};
}

function cellValue(cell: Element, context: CellContext): CellValue | undefined {
  const v = childrenNamed(cell, "v")[0]?.textContent ?? null;
  const type = cell.getAttribute("t") ?? "n";
  switch (type) {
    case "s":
      return v === null ? undefined : context.sharedStrings[Number(v)];
    case "str":
      return v ?? undefined;
    case "inlineStr": {
      const inline = childrenNamed(cell, "is")[0];
      return inline === undefined ? undefined : stringText(inline);
    }
    case "b":
      return v === null ? undefined : v === "1" || v === "true";
    case "e":
      return NaN;
    case "d":
      return v === null ? undefined : new Date(v);
    default: {
      if (v === null || v === "") return undefined;
      const number = Number(v);
      return context.dateStyles[Number(cell.getAttribute("s") ?? 0)] ? dateOfSerial(number, context.date1904) : number;
    }
  }
}

const DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system as spreadsheets use it. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Day 0 of the 1904 date system is day 1462 of the 1900 one. */
const OFFSET_1904 = 1462;

function dateOfSerial(serial: number, date1904: boolean): Date {
  return new Date(EPOCH_1900 + Math.round((serial + (date1904 ? OFFSET_1904 : 0)) * DAY));
}

/** Whether a number format (built-in id or custom format code) shows a date or time. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
  // Quoted text, [colours] and [$-locales], and escaped or padding characters are not date parts.
  const parts = code.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/[\\_*]./g, "");
  return /[dmyhs]/i.test(parts);
}
