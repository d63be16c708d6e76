import type {Cell} from "../notebook/index.ts";
import {SourceError} from "./sourceError.ts";
import {transpileTemplate} from "./transpileTemplate.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";

const identifier = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/**
 * Compiles a sql cell into a parameterised query on its database: `(db, x) => db.sql\`... ${x}\``.
 * `${...}` stay template interpolations, which the client binds as parameters. The database
 * must be `var:NAME` (default `var:db`): the cell reads the variable NAME.
 */
export function transpileSql(cell: Cell, options: Required<CompileOptions>): CompiledCell {
  const database = cell.database ?? "var:db";
  const name = database.startsWith("var:") ? database.slice(4) : undefined;
  if (name === undefined || !identifier.test(name)) {
    throw new SourceError(`Database "${database}" is not supported: only var: databases (such as var:db) are supported in the browser`, 0);
  }
  if (cell.output !== undefined && !identifier.test(cell.output)) {
    throw new SourceError(`invalid output name "${cell.output}": it must be a JavaScript identifier`, 0);
  }
  const compiled = transpileTemplate(cell, {input: name, expression: `${name}.sql`}, options).cell;
  if (cell.output !== undefined) compiled.output = cell.output;
  return compiled;
}
