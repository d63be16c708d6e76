import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {parse} from "acorn";
import type {Plugin} from "vite";
import {describe, expect, it} from "vitest";
import {arrowReadingCopies, dropWriters} from "../../src/vite/arrow-reading-copies.ts";

const require = createRequire(import.meta.url);
const arrowDir = path.dirname(require.resolve("apache-arrow/table"));
const schemaTable = path.join(arrowDir, "fb", "schema.mjs");

/** The names of the static and instance methods of the first class `code` exports. */
function methods(code: string): {statics: string[]; instance: string[]} {
  const program = parse(code, {ecmaVersion: "latest", sourceType: "module"}) as unknown as {
    body: Array<{type: string; declaration?: {type: string; body: {body: Array<{type: string; static: boolean; key: {name: string}}>}}}>;
  };
  const members = program.body.find((s) => s.type === "ExportNamedDeclaration" && s.declaration?.type === "ClassDeclaration")!.declaration!.body.body;
  const names = (isStatic: boolean) => members.filter((m) => m.type === "MethodDefinition" && m.static === isStatic).map((m) => m.key.name);
  return {statics: names(true), instance: names(false)};
}

/** What the plugin resolves `source` imported by `importer` to; `this.resolve` answers as Vite would, by path. */
async function resolved(source: string, importer: string): Promise<unknown> {
  const plugin = arrowReadingCopies() as Plugin & {resolveId: (this: unknown, source: string, importer?: string) => unknown};
  const context = {resolve: async (s: string, from: string) => ({id: path.resolve(path.dirname(from.split("?")[0]!), s)})};
  return plugin.resolveId.call(context, source, importer);
}

describe("arrowReadingCopies", () => {
  it("dropWriters keeps a generated table's reading methods and drops the ones that build a flatbuffer", () => {
    const code = readFileSync(schemaTable, "utf8");
    const before = methods(code);
    const after = methods(dropWriters(code));
    expect(before.statics).toEqual(expect.arrayContaining(["getRootAsSchema", "startSchema", "addFields", "endSchema", "createSchema", "finishSchemaBuffer"]));
    expect(after.statics).toEqual(before.statics.filter((name) => !/^(start|add|end|create|finish)[A-Z]/.test(name)));
    expect(after.statics).toContain("getRootAsSchema");
    expect(after.instance).toEqual(before.instance);
  });

  it("dropWriters keeps Arrow's metadata decoding and drops its encoding and JSON parts, with the statements that hand them to Schema and Field", () => {
    const code = readFileSync(path.join(arrowDir, "ipc", "metadata", "message.mjs"), "utf8");
    const after = dropWriters(code);
    expect(methods(after).statics).toEqual(methods(code).statics.filter((name) => name !== "encode" && name !== "fromJSON"));
    expect(methods(after).statics).toContain("decode");
    expect(after).toContain("Schema['decode'] = decodeSchema;");
    expect(after).not.toMatch(/\['(encode|fromJSON)'\] =/);
    expect(code).toMatch(/\['(encode|fromJSON)'\] =/);
  });

  it("arrowReadingCopies gives the reader's metadata copies copies of the tables they import, and no one else", async () => {
    const message = path.join(arrowDir, "ipc", "metadata", "message.mjs");
    expect(await resolved("../../fb/schema.mjs", message + "?mapt-arrow-reading")).toEqual({id: schemaTable + "?mapt-arrow-reading"});
    // A copied table's own imports are copies too; the modules they share with all of Arrow are not.
    expect(await resolved("./field.mjs", schemaTable + "?mapt-arrow-reading")).toEqual({id: path.join(arrowDir, "fb", "field.mjs") + "?mapt-arrow-reading"});
    expect(await resolved("../../schema.mjs", message + "?mapt-arrow-reading")).toBeUndefined();
    expect(await resolved("../../fb/schema.mjs", message)).toBeUndefined();
  });
});
