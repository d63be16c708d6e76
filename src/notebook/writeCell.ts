import {escapeText} from "entities/escape";
import {writeCellBody} from "./cellBody.ts";
import {typeOfMode} from "./modeOfType.ts";
import {writeAttributes} from "./rewriteTag.ts";
import type {Cell, ExtraAttribute} from "./types.ts";

/** A `<title>` element in the canonical layout. */
export function writeTitle(title: string): string {
  return `<title>${escapeText(title)}</title>`;
}

/** A cell's `<script>` element in the canonical layout, for a `<script>` indented two spaces. */
export function writeCell(cell: Cell): string {
  const attributes: ExtraAttribute[] = [
    {name: "id", value: String(cell.id)},
    {name: "type", value: cell.type ?? typeOfMode(cell.mode)}
  ];
  if (cell.database !== undefined) attributes.push({name: "database", value: cell.database});
  if (cell.output !== undefined) attributes.push({name: "output", value: cell.output});
  if (cell.pinned) attributes.push({name: "pinned", value: null});
  if (cell.hidden) attributes.push({name: "hidden", value: null});
  attributes.push(...cell.extra);
  return `<script${writeAttributes(attributes)}>${writeCellBody(cell.source)}</script>`;
}
