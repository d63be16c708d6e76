import {parse} from "acorn";
import type {Plugin} from "vite";
import {arrowReadingQuery} from "./import-redirects.ts";

/** Arrow's generated flatbuffers tables (`apache-arrow/fb/*.mjs`), by resolved id without query. */
const isArrowTable = (id: string) => /apache-arrow[\\/]fb[\\/][^/\\]+\.mjs$/.test(id);

/** Arrow's IPC metadata modules, of which src/vite/import-redirects.ts gives the reader copies. */
const isArrowMetadata = (id: string) => /apache-arrow[\\/]ipc[\\/]metadata[\\/](message|file)\.mjs$/.test(id);

/**
 * A static method that writes: a generated table's `startSchema`, `addFields`, `endSchema`,
 * `createSchema`, `finishSchemaBuffer`; a metadata class's `encode` and `fromJSON` (Arrow's JSON
 * format), which the metadata modules also assign to Arrow's `Schema` and `Field`.
 */
const isWriter = (name: string) => /^(start|add|end|create|finish)[A-Z]|^(encode|fromJSON)$/.test(name);

/**
 * The reader's copies of Arrow's IPC metadata modules (the `arrowReadingQuery` copies of
 * src/vite/import-redirects.ts) and of the generated flatbuffers tables they import (this plugin
 * carries the query on to them and to the tables these import), each without its writing parts
 * ({@link isWriter}), which only Arrow's writers call: ~2.5 kB gzip of every reader page. Build
 * only. All of Arrow keeps its own modules whole, and as it loads (always after the reader's
 * copies, which the reader chunk imports) its metadata modules give `Schema` and `Field` their
 * `encode` and `fromJSON` as they always do.
 */
export function arrowReadingCopies(): Plugin {
  return {
    name: "mapt:arrow-reading-copies",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      if (importer === undefined || !importer.endsWith(arrowReadingQuery) || !source.startsWith(".")) return;
      const resolved = await this.resolve(source, importer, {skipSelf: true});
      if (resolved && isArrowTable(resolved.id)) return {...resolved, id: resolved.id + arrowReadingQuery};
    },
    transform(code, id) {
      if (!id.endsWith(arrowReadingQuery)) return;
      const file = id.slice(0, -arrowReadingQuery.length);
      if (isArrowTable(file) || isArrowMetadata(file)) return {code: dropWriters(code), map: null};
    }
  };
}

interface Span {
  type: string;
  start: number;
  end: number;
}
interface Named extends Span {
  name?: string;
  value?: unknown;
}
interface ClassMember extends Span {
  static?: boolean;
  key?: Named;
}
interface Statement extends Span {
  declaration?: Span & {body?: {body: ClassMember[]}};
  body?: {body: ClassMember[]};
  expression?: Span & {operator?: string; left?: Span & {computed?: boolean; property?: Named}};
}

/** The name a member is known by: `name` of `x.name`, `static name()`, or `x['name']`. */
const memberName = (key: Named | undefined) => (key?.type === "Identifier" ? key.name : key?.type === "Literal" && typeof key.value === "string" ? key.value : undefined);

/**
 * `code` (one of Arrow's generated flatbuffers tables or IPC metadata modules) without the static
 * methods of its classes that write ({@link isWriter}) and without its top-level statements that
 * assign such methods to other classes (`Schema['encode'] = encodeSchema;`); the functions only
 * those used go unused and the build drops them. Everything else is as it was.
 */
export function dropWriters(code: string): string {
  const program = parse(code, {ecmaVersion: "latest", sourceType: "module"}) as unknown as {body: Statement[]};
  const drops: Span[] = [];
  for (const statement of program.body) {
    const assigned = statement.type === "ExpressionStatement" && statement.expression?.type === "AssignmentExpression" ? statement.expression.left : undefined;
    if (assigned?.type === "MemberExpression" && isWriter(memberName(assigned.property) ?? "")) {
      drops.push(statement);
      continue;
    }
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "ClassDeclaration") continue;
    for (const member of declaration.body!.body) {
      if (member.type === "MethodDefinition" && member.static && isWriter(memberName(member.key) ?? "")) drops.push(member);
    }
  }
  let out = code;
  for (const {start, end} of drops.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + out.slice(end);
  return out;
}
