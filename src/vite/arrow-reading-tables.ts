import {parse} from "acorn";
import type {Plugin} from "vite";
import {arrowReadingQuery} from "./import-redirects.ts";

/** Arrow's generated flatbuffers tables (`apache-arrow/fb/*.mjs`), by resolved id without query. */
const isArrowTable = (id: string) => /apache-arrow[\\/]fb[\\/][^/\\]+\.mjs$/.test(id);

/** A static method of a generated table that writes a flatbuffer: `startSchema`, `addFields`, `endSchema`, `createSchema`, `finishSchemaBuffer`. */
const isWriter = (name: string) => /^(start|add|end|create|finish)[A-Z]/.test(name);

/**
 * Arrow's generated flatbuffers tables as the reader's Arrow IPC metadata copies read them (see
 * `arrowReadingQuery`, src/vite/import-redirects.ts): the tables those copies import (and the
 * tables these import) are copies too, without their writing methods, which only Arrow's writers
 * call (~1.3 kB gzip of every reader page). Build only; all of Arrow keeps its own tables whole.
 */
export function arrowReadingTables(): Plugin {
  return {
    name: "mapt:arrow-reading-tables",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      if (importer === undefined || !importer.endsWith(arrowReadingQuery) || !source.startsWith(".")) return;
      const resolved = await this.resolve(source, importer, {skipSelf: true});
      if (resolved && isArrowTable(resolved.id)) return {...resolved, id: resolved.id + arrowReadingQuery};
    },
    transform(code, id) {
      if (!id.endsWith(arrowReadingQuery) || !isArrowTable(id.slice(0, -arrowReadingQuery.length))) return;
      return {code: dropTableWriters(code), map: null};
    }
  };
}

interface Span {
  type: string;
  start: number;
  end: number;
}
interface ClassMember extends Span {
  static?: boolean;
  key?: Span & {name?: string};
}

/**
 * `code` (a generated flatbuffers table module) without the static writing methods of its
 * classes ({@link isWriter}); everything else as it was.
 */
export function dropTableWriters(code: string): string {
  const program = parse(code, {ecmaVersion: "latest", sourceType: "module"}) as unknown as {body: Array<Span & {declaration?: Span; body?: {body: ClassMember[]}}>};
  const drops: Span[] = [];
  for (const statement of program.body) {
    const declaration = (statement.type === "ExportNamedDeclaration" ? statement.declaration : statement) as (Span & {body?: {body: ClassMember[]}}) | undefined;
    if (declaration?.type !== "ClassDeclaration") continue;
    for (const member of declaration.body!.body) {
      if (member.type === "MethodDefinition" && member.static && member.key?.type === "Identifier" && isWriter(member.key.name!)) drops.push(member);
    }
  }
  let out = code;
  for (const {start, end} of drops.reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}
