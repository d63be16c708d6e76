import {readCellBody} from "./cellBody.ts";
import {modeOfType} from "./modeOfType.ts";
import {quote} from "./quote.ts";
import type {Cell, CellId, ExtraAttribute, Notebook, TagAttribute} from "./types.ts";

/** Reads the root `<notebook>`'s attributes into `notebook`: theme, readonly, and the rest as `extra`. */
export function readRoot(notebook: Notebook, attributes: TagAttribute[]): void {
  const extra: ExtraAttribute[] = [];
  const seen = new Set<string>();
  for (const {name, value} of attributes) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (key === "theme" && value !== null) notebook.theme = value;
    else if (key === "readonly") notebook.readOnly = true;
    else extra.push({name, value});
  }
  if (extra.length > 0) notebook.extra = extra;
}

/** An attribute's value as `getAttribute` gives it: the first of that name, `""` when written bare. */
export function attributeValue(attributes: TagAttribute[], name: string): string | undefined {
  const attribute = attributes.find((a) => a.name.toLowerCase() === name);
  return attribute ? (attribute.value ?? "") : undefined;
}

/**
 * A cell from its `<script>`'s attributes and raw body. As in HTML, the first of two attributes
 * of the same name counts; `pinned` and `hidden` count by presence.
 */
export function readCell(id: CellId, attributes: TagAttribute[], body: string, warn: (message: string) => void): Cell {
  const cell: Cell = {id, mode: "js", source: readCellBody(body), pinned: false, hidden: false, extra: []};
  const seen = new Set<string>();
  for (const {name, value} of attributes) {
    const key = name.toLowerCase();
    if (seen.has(key)) {
      warn(`duplicate attribute ${name} ignored (the first one counts)`);
      continue;
    }
    seen.add(key);
    switch (key) {
      case "id":
        break;
      case "type": {
        const mode = modeOfType(value ?? "");
        if (mode) cell.mode = mode;
        else {
          cell.type = value ?? "";
          warn(`unknown cell type ${quote(value ?? "")}: kept, but the cell will not run`);
        }
        break;
      }
      case "pinned":
        cell.pinned = true;
        break;
      case "hidden":
        cell.hidden = true;
        break;
      case "output":
        if (value !== null) cell.output = value;
        break;
      case "database":
        if (value !== null) cell.database = value;
        break;
      default:
        cell.extra.push({name, value});
    }
  }
  return cell;
}
