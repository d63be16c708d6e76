import {compileCell} from "../compiler/index.ts";
import type {Notebook} from "../notebook/index.ts";
import {remoteHostsOf} from "../shared/index.ts";

/** What an untrusted notebook would do if it ran: for the reader to decide. */
export interface NotebookRisks {
  /** Ids of the cells that run code (JavaScript, SQL, and Markdown or HTML with `${...}`). */
  codeCells: number[];
  /** Addresses outside this site that its code or text mentions. */
  addresses: string[];
  /** Files it reads (`FileAttachment` names). */
  files: string[];
  /** Modules it imports. */
  imports: string[];
  /** Hosts its `remote-hosts` attribute asks to read data from (see src/shared/content-policy.ts). */
  remoteHosts: string[];
}

const address = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\]+/gi;

/** Reads a notebook without running it and lists what running it would do. */
export function notebookRisks(notebook: Notebook): NotebookRisks {
  const risks: NotebookRisks = {codeCells: [], addresses: [], files: [], imports: [], remoteHosts: remoteHostsOf(notebook.extra).hosts};
  const add = (list: string[], items: Iterable<string>) => {
    for (const item of items) if (!list.includes(item)) list.push(item);
  };
  for (const cell of notebook.cells) {
    const compiled = compileCell(cell);
    if (compiled.staticHtml === undefined && cell.source.trim() !== "") risks.codeCells.push(cell.id);
    add(risks.addresses, cell.source.match(address) ?? []);
    add(risks.files, compiled.files);
    add(risks.imports, compiled.imports);
  }
  return risks;
}
