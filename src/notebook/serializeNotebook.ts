import {writeCellBody} from "./cellBody.ts";
import {escapeAttribute, escapeText} from "./entities.ts";
import {typeOfMode} from "./modeOfType.ts";
import type {Cell, ExtraAttribute, Notebook, PreservedNode} from "./types.ts";

/**
 * Writes a notebook in the canonical Notebook Kit 2.0 HTML format: root attributes theme,
 * readonly, then unknown ones as read; cell attributes id, type, database, output, pinned,
 * hidden, then unknown ones as read; bodies indented four spaces with `</script>` escaped.
 * `serializeNotebook(readNotebook(serializeNotebook(nb)).notebook)` equals `serializeNotebook(nb)`.
 */
export function serializeNotebook(notebook: Notebook): string {
  const rootAttributes: ExtraAttribute[] = [];
  if (notebook.theme !== undefined) rootAttributes.push({name: "theme", value: notebook.theme});
  if (notebook.readOnly) rootAttributes.push({name: "readonly", value: null});
  rootAttributes.push(...(notebook.extra ?? []));
  let out = `<!doctype html>\n<notebook${writeAttributes(rootAttributes)}>\n`;
  if (notebook.title !== "") out += `  <title>${escapeText(notebook.title)}</title>\n`;
  const nodes = notebook.nodes ?? [];
  const ids = new Set(notebook.cells.map((cell) => cell.id));
  const writeNodes = (keep: (node: PreservedNode) => boolean) => {
    for (const node of nodes) if (keep(node)) out += `${node.text}\n`;
  };
  for (const cell of notebook.cells) {
    writeNodes((node) => node.before === cell.id);
    out += writeCell(cell);
  }
  writeNodes((node) => node.before === undefined || !ids.has(node.before));
  return out + "</notebook>\n";
}

function writeCell(cell: Cell): string {
  const attributes: ExtraAttribute[] = [
    {name: "id", value: String(cell.id)},
    {name: "type", value: cell.type ?? typeOfMode(cell.mode)}
  ];
  if (cell.database !== undefined) attributes.push({name: "database", value: cell.database});
  if (cell.output !== undefined) attributes.push({name: "output", value: cell.output});
  if (cell.pinned) attributes.push({name: "pinned", value: null});
  if (cell.hidden) attributes.push({name: "hidden", value: null});
  attributes.push(...cell.extra);
  return `  <script${writeAttributes(attributes)}>${writeCellBody(cell.source)}</script>\n`;
}

function writeAttributes(attributes: ExtraAttribute[]): string {
  return attributes.map(({name, value}) => (value === null ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join("");
}
