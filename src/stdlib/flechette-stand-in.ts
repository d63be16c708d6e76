// What Arquero imports from @uwdata/flechette, in the copy of Arquero that a built page gets when
// none of its cells names Arquero's Arrow writers (src/vite/arquero-arrow.ts). Performance trick
// (bytes): flechette is ~14 kB gzip of the ~43 kB Arquero brings; such a page reads Arrow bytes
// with the reader its DuckDB results already use, and has no writer. The readable version is
// Arquero as published: `import("arquero")`, which every other page, the editor and Node load.
import {Type} from "apache-arrow/enum";
import type {Table} from "apache-arrow/table";
import type {Vector} from "apache-arrow/vector";
import {readArrowIPC} from "../data/index.ts";

/** The words that give a page all of Arquero; said by every refusal below. */
const remedy = "name toArrow in a cell of this notebook (a comment will do) and build the site again";

/**
 * Flechette itself, once a page has loaded it (Edit mode, where any cell may come): every function
 * below then hands its call to it.
 */
let flechette: FlechetteFunctions | undefined;

/** The functions of @uwdata/flechette that Arquero calls. */
export interface FlechetteFunctions {
  tableFromIPC(bytes: ArrayBuffer | Uint8Array, options?: Record<string, unknown>): unknown;
  tableToIPC(...args: unknown[]): unknown;
  tableFromColumns(...args: unknown[]): unknown;
  columnFromArray(...args: unknown[]): unknown;
  columnFromValues(...args: unknown[]): unknown;
}

/** Makes every function of this module flechette's own from now on (`undefined`: the stand-in's again). */
export function useFlechette(module: FlechetteFunctions | undefined): void {
  flechette = module;
}

/** Arquero's writers (`toArrow`, `toArrowIPC`, `toArrowBuffer`) call these: refused, saying what to do. */
const writer =
  (name: Exclude<keyof FlechetteFunctions, "tableFromIPC">) =>
  (...args: unknown[]): unknown => {
    if (flechette) return flechette[name](...args);
    throw new Error(`Arquero on this page was built without its Arrow writer, since no cell names toArrow, toArrowIPC or DuckDBClient: to write Arrow, ${remedy}`);
  };

/** Flechette's `tableToIPC` (Arquero's `toArrowIPC`): refused until a page loads flechette. */
export const tableToIPC = writer("tableToIPC");
/** Flechette's `tableFromColumns` (Arquero's `toArrow`): refused until a page loads flechette. */
export const tableFromColumns = writer("tableFromColumns");
/** Flechette's `columnFromArray` (Arquero's `toArrow`): refused until a page loads flechette. */
export const columnFromArray = writer("columnFromArray");
/** Flechette's `columnFromValues` (Arquero's `toArrow`): refused until a page loads flechette. */
export const columnFromValues = writer("columnFromValues");

/** The options of flechette's `tableFromIPC` that change the values read here. */
interface ExtractionOptions {
  /** Dates and timestamps as `Date` (Arquero's default), else as epoch milliseconds. */
  useDate?: boolean;
  /** 64-bit integers as `bigint`, else as numbers (an error past the safe range). */
  useBigInt?: boolean;
  /** Decimals as `bigint`s scaled to integers, else as numbers. */
  useDecimalInt?: boolean;
}

/** The column Arquero reads: its length, a value by row, and every value in order. */
interface ArqueroColumn {
  type: {typeId: number};
  length: number;
  at(row: number): unknown;
  [Symbol.iterator](): Iterator<unknown>;
  toArray(): unknown[];
}

/** The table Arquero's `fromArrow` reads: the schema's fields and each column by name. */
interface ArrowLike {
  schema: Table["schema"];
  getChild(name: string): ArqueroColumn | Vector | null;
}

/**
 * Flechette's `tableFromIPC`, for the column types whose values this page's Arrow reader gives as
 * flechette would: text, numbers (decimals too), booleans, dates, timestamps and dictionaries of
 * text. Another type (lists, structs, binary...) fails naming the column and what to do.
 */
export function tableFromIPC(bytes: ArrayBuffer | Uint8Array, options: ExtractionOptions = {}): unknown {
  if (flechette) return flechette.tableFromIPC(bytes, options as Record<string, unknown>);
  const table = readArrowIPC(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const columns = new Map<string, ArqueroColumn | Vector>();
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)!;
    columns.set(field.name, columnOf(field.name, vector, options));
  }
  const arrow: ArrowLike = {schema: table.schema, getChild: (name) => columns.get(name) ?? null};
  return arrow;
}

function columnOf(name: string, vector: Vector, {useDate = false, useBigInt = false, useDecimalInt = false}: ExtractionOptions): ArqueroColumn | Vector {
  const type = vector.type as {typeId: number; bitWidth?: number; scale?: number; dictionary?: {typeId: number}};
  switch (type.typeId) {
    case Type.Null:
    case Type.Bool:
    case Type.Float:
    case Type.Utf8:
    case Type.LargeUtf8:
      return vector;
    case Type.Int:
      return type.bitWidth! < 64 || useBigInt ? vector : mapped(vector, (value) => safeNumber(value as bigint));
    case Type.Date:
    case Type.Timestamp:
      // Arrow's reader gives epoch milliseconds, as flechette does without `useDate`.
      return useDate ? mapped(vector, (value) => new Date(value as number)) : vector;
    case Type.Decimal: {
      // Arrow's reader gives the scaled integer's words; flechette divides it by 10^scale.
      const divisor = BigInt(10) ** BigInt(type.scale!);
      return mapped(vector, (value) => {
        const scaled = scaledDecimal(value as Uint32Array);
        return useDecimalInt ? scaled : Number(scaled / divisor) + Number(scaled % divisor) / Number(divisor);
      });
    }
    case Type.Dictionary:
      if (type.dictionary?.typeId === Type.Utf8 || type.dictionary?.typeId === Type.LargeUtf8) return vector;
  }
  const kind = Type[type.typeId] ?? `type ${type.typeId}`;
  throw new Error(`aq.fromArrow: column "${name}" holds ${kind} values, which Arquero reads on this page only with its own Arrow reader: ${remedy}`);
}

/** A column whose non-null values go through `convert`. */
function mapped(vector: Vector, convert: (value: unknown) => unknown): ArqueroColumn {
  const at = (row: number) => {
    const value: unknown = vector.get(row);
    return value === null || value === undefined ? null : convert(value);
  };
  const toArray = () => Array.from({length: vector.length}, (_, row) => at(row));
  return {type: vector.type, length: vector.length, at, toArray, [Symbol.iterator]: () => toArray()[Symbol.iterator]()};
}

/** The two's-complement integer in a decimal's little-endian 32-bit words. */
function scaledDecimal(words: Uint32Array): bigint {
  let value = BigInt(0);
  for (let i = words.length - 1; i >= 0; i--) value = (value << BigInt(32)) | BigInt(words[i]!);
  const bits = BigInt(32 * words.length);
  return words[words.length - 1]! & 0x80000000 ? value - (BigInt(1) << bits) : value;
}

/** As flechette converts a 64-bit integer without `useBigInt`: a number, or an error past 2^53. */
function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new Error(`BigInt exceeds integer number representation: ${value}`);
  return Number(value);
}
