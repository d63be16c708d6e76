import {escapeText} from "entities/escape";
import {writeCellBody} from "./cellBody.ts";
import {typeOfMode} from "./modeOfType.ts";
import {attributeValue} from "./readAttributes.ts";
import {repairIds} from "./repairIds.ts";
import {extraChanges, rewriteTag, type AttributeChanges} from "./rewriteTag.ts";
import {writeCell, writeTitle} from "./writeCell.ts";
import type {Cell, CellId, CellText, Notebook, NotebookFile} from "./types.ts";

/**
 * Writes `notebook` as the file it was read from, `file`, with only what changed rewritten:
 * - a cell equal to what was read is written byte for byte, with the text before it;
 * - an edited cell keeps its start tag (only changed attributes rewritten) and end tag, and gets
 *   a body in the canonical indentation when its source changed;
 * - a new cell is written in the canonical layout, on its own line;
 * - a deleted cell takes its whitespace along but leaves comments and elements before it in place;
 * - the title and root attributes are rewritten in place when they changed.
 * Cells whose `id` attribute is not their id (the file had `id="intro"`, or none) keep it unless
 * the file would then read back with other ids; then each gets its id written.
 * Returns `undefined` when the change cannot be made in place (root attributes changed in a file
 * without `<notebook>`), so the caller writes the canonical layout.
 */
export function writeFromFile(notebook: Notebook, file: NotebookFile): string | undefined {
  const fresh = (text: string) => (file.newline === "\n" ? text : text.replace(/\n/g, file.newline));
  const byId = new Map(file.cells.map((cell) => [cell.id, cell]));
  const rootChanges = notebookChanges(notebook, file);
  if (rootChanges.size > 0 && !file.root) return undefined;

  // Ids as the written file would read back; if they differ, write every cell's id.
  const written = notebook.cells.map((cell) => {
    const text = byId.get(cell.id);
    return text ? idAttribute(text) : String(cell.id);
  });
  const forceIds = repairIds(written).some((id, i) => id !== notebook.cells[i]!.id);

  const titleChanged = notebook.title !== file.read.title;
  const patchTitle = (where: TitlePlace, text: string) => {
    const title = file.title;
    if (!titleChanged || !title || title.in !== where) return text;
    return text.slice(0, title.start) + fresh(escapeText(notebook.title)) + text.slice(title.end);
  };

  let out = writeHead(notebook, file, rootChanges, titleChanged, fresh);
  const present = new Set(notebook.cells.map((cell) => cell.id));
  const moved = new Map<CellId, string>();
  let carried = "";
  for (const text of file.cells) {
    if (present.has(text.id)) {
      if (carried) moved.set(text.id, carried);
      carried = "";
    } else {
      // A deleted cell's whitespace goes with it; anything else before it stays in place.
      const kept = patchTitle(text.id, text.before).replace(/[\t\n\f\r ]+$/, "");
      if (/[^\t\n\f\r ]/.test(kept)) carried += kept;
    }
  }
  for (const cell of notebook.cells) {
    const text = byId.get(cell.id);
    if (text) out += (moved.get(cell.id) ?? "") + patchTitle(cell.id, text.before) + writeReadCell(cell, text, forceIds, fresh);
    else out += fresh(`\n  ${writeCell(cell)}`);
  }
  return out + carried + patchTitle("tail", file.tail);
}

/** Where the title's text is: in the head, the tail, or the text before a cell. */
type TitlePlace = NonNullable<NotebookFile["title"]>["in"];

function writeHead(notebook: Notebook, file: NotebookFile, rootChanges: AttributeChanges, titleChanged: boolean, fresh: (text: string) => string): string {
  const patches: Array<{start: number; end: number; text: string}> = [];
  const {root, title} = file;
  if (root && rootChanges.size > 0) patches.push({start: root.start, end: root.start + root.text.length, text: rewriteTag(root, rootChanges)});
  if (titleChanged && title?.in === "head") patches.push({start: title.start, end: title.end, text: fresh(escapeText(notebook.title))});
  if (titleChanged && !title && notebook.title !== "") {
    const at = root ? root.start + root.text.length : file.head.length;
    patches.push({start: at, end: at, text: fresh(`\n  ${writeTitle(notebook.title)}`)});
  }
  let head = file.head;
  for (const patch of patches.sort((a, b) => b.start - a.start)) head = head.slice(0, patch.start) + patch.text + head.slice(patch.end);
  return head;
}

function writeReadCell(cell: Cell, text: CellText, forceIds: boolean, fresh: (text: string) => string): string {
  const forceId = forceIds && idAttribute(text) !== String(cell.id);
  if (!forceId && sameValue(cell, text.read)) return text.startTag.text + text.body + text.endTag;
  const changes = cellChanges(cell, text.read, forceId);
  const startTag = rewriteTag(text.startTag, changes);
  const body = cell.source === text.read.source ? text.body : fresh(writeCellBody(cell.source, closingIndent(text.body)));
  return startTag + body + (text.endTag || "</script>");
}

function cellChanges(cell: Cell, read: Cell, forceId: boolean): AttributeChanges {
  const changes: AttributeChanges = new Map();
  if (forceId) changes.set("id", {name: "id", value: String(cell.id)});
  if (cell.mode !== read.mode || cell.type !== read.type) changes.set("type", {name: "type", value: cell.type ?? typeOfMode(cell.mode)});
  if (cell.pinned !== read.pinned) changes.set("pinned", cell.pinned ? {name: "pinned", value: null} : undefined);
  if (cell.hidden !== read.hidden) changes.set("hidden", cell.hidden ? {name: "hidden", value: null} : undefined);
  if (cell.output !== read.output) changes.set("output", cell.output === undefined ? undefined : {name: "output", value: cell.output});
  if (cell.database !== read.database) changes.set("database", cell.database === undefined ? undefined : {name: "database", value: cell.database});
  extraChanges(changes, read.extra, cell.extra);
  return changes;
}

function notebookChanges(notebook: Notebook, file: NotebookFile): AttributeChanges {
  const changes: AttributeChanges = new Map();
  const {read} = file;
  if (notebook.theme !== read.theme) changes.set("theme", notebook.theme === undefined ? undefined : {name: "theme", value: notebook.theme});
  if (notebook.readOnly !== read.readOnly) changes.set("readonly", notebook.readOnly ? {name: "readonly", value: null} : undefined);
  extraChanges(changes, read.extra ?? [], notebook.extra ?? []);
  return changes;
}

/** The `id` attribute as the cell's start tag has it. */
function idAttribute(text: CellText): string | undefined {
  return attributeValue(text.startTag.attributes, "id");
}

/** The indentation of the line the body's `</script>` is on, when nothing else is on it. */
function closingIndent(body: string): string {
  const last = /[\r\n]([ \t]*)$/.exec(body);
  return last ? last[1]! : "  ";
}

/** Deep equality of plain data; a missing key equals one holding `undefined`. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) if (!sameValue(x[key], y[key])) return false;
  return true;
}
