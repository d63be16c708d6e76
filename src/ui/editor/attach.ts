import type {CellId} from "../../notebook/index.ts";
import type {AttachmentName} from "../../shared/index.ts";
import {cellFiles} from "../cell-files.ts";
import {askChoice, paragraph} from "../dialogs.ts";
import {draftFile, writeDraftFile} from "../draft-files.ts";
import type {NotebookSession} from "../notebook-session.ts";
import type {NotebookFile} from "../notebook-files.ts";
import {notNotebookReason, openNotebookFile} from "../open-file.ts";
import {attachToServer} from "../save-client.ts";
import {attachmentCellSource, freeAttachmentName, planAttachment} from "./attach-plan.ts";

/**
 * Attaches data files to the session's notebook, one after the other: each is stored (beside the
 * notebook through the dev server, else with the notebook in this browser), becomes a file of
 * the page (`FileAttachment`) and a table, and is recorded by a cell that names it. The user is
 * asked before a table is replaced and before a dropped notebook file is opened; files that
 * cannot be attached are listed, with why, once all are done.
 */
export async function attachFiles(session: NotebookSession, chosen: readonly File[], draftUrl: (id: string) => string): Promise<void> {
  const problems: string[] = [];
  // Starting the database (to know its tables) can take seconds: say what is happening.
  const notice = document.createElement("p");
  notice.className = "mapt-notice";
  notice.setAttribute("role", "status");
  document.body.append(notice);
  for (const file of chosen) {
    notice.textContent = `Attaching "${file.name}"…`;
    const problem = await attachFile(session, file, draftUrl).finally(() => (notice.textContent = ""));
    if (problem !== undefined) problems.push(problem);
  }
  notice.remove();
  if (problems.length) await askChoice("Files not attached", problems.map(paragraph), [["ok", "OK"]], "ok", "mapt-attach-problems");
}

/** Attaches one file; answers why not, when it was not. */
async function attachFile(session: NotebookSession, file: File, draftUrl: (id: string) => string): Promise<string | undefined> {
  const existing = await existingTables(session);
  const plan = planAttachment(file, existing);
  switch (plan.type) {
    case "refuse":
      return plan.message;
    case "open":
      return openDroppedNotebook(file, draftUrl);
    case "attach": {
      let name = plan.name;
      if (plan.existing !== undefined) {
        const free = freeAttachmentName(name, existing);
        const choice = await askChoice(
          `Replace the table ${name.table}?`,
          [paragraph(`This notebook already has a table named ${name.table}: ${plan.existing}. "${file.name}" would take its place in this notebook.`)],
          [["replace", `Replace ${name.table}`], ["both", `Keep both: attach as ${free.table}`], ["cancel", "Cancel"]],
          "cancel",
          "mapt-attach-replace"
        );
        if (choice === "cancel") return undefined;
        if (choice === "both") name = free;
      }
      const stored = await store(session, name.file, file);
      if (typeof stored === "string") return `"${file.name}" was not attached: ${stored}`;
      session.host.files.set(name.file, stored);
      record(session, name, file.name);
      return undefined;
    }
  }
}

/** Each table of the page's database, by lower-case name, with what it is. */
async function existingTables(session: NotebookSession): Promise<Map<string, string>> {
  const db = await session.host.database();
  const files = session.host.files.tableFiles();
  const tables = new Map<string, string>();
  for (const {name, kind} of await db.describeTables()) {
    const table = name.toLowerCase();
    const file = files.get(table);
    tables.set(
      table,
      file !== undefined ? `the attached file ${file}` : kind === "catalog (not yet loaded)" ? "a table of the data catalog" : "a table already in this page's database"
    );
  }
  return tables;
}

/** Keeps the file where the notebook's files are; answers where the page now finds it, or why it could not. */
async function store(session: NotebookSession, name: string, file: File): Promise<NotebookFile | string> {
  const {host, state} = session;
  if (state.canSave && host.path !== undefined) {
    const outcome = await attachToServer(host.path, name, file);
    return outcome.status === 200 ? {url: new URL(name, location.href).href, mimeType: file.type || undefined} : outcome.error;
  }
  try {
    await writeDraftFile(draftFile(host.key, name, file, Date.now()));
  } catch (error) {
    return `this browser could not keep it (${(error as Error).message}). Free some disk space, or use a smaller file (Parquet is often ten times smaller than CSV).`;
  }
  return {url: URL.createObjectURL(file), mimeType: file.type || undefined, blob: file};
}

/**
 * Records the attachment in the notebook: a cell naming the file, below the selected cell (ahead
 * of any other file of the same table, whose plain attachment cells go), run at once. When the
 * notebook already named the file, the cells that read its table run again instead.
 */
function record(session: NotebookSession, name: AttachmentName, original: string): void {
  const {state} = session;
  if (state.notebook.cells.some((cell) => cellFiles(cell).includes(name.file))) return rerunReaders(session, name);
  const replaced = session.host.files.tableFiles().get(name.table);
  if (replaced !== undefined) {
    const plain = state.notebook.cells.filter((cell) => isAttachmentCell(cell.source, replaced)).map((cell) => cell.id);
    if (plain.length) session.dispatch({type: "delete", ids: plain});
  }
  const cells = session.state.notebook.cells;
  const selected = cells.findIndex((cell) => cell.id === session.state.selected);
  const firstOther = replaced === undefined ? -1 : cells.findIndex((cell) => cellFiles(cell).includes(replaced));
  const below = selected < 0 ? cells.length : selected + 1;
  const index = firstOther < 0 ? below : Math.min(below, firstOther);
  session.dispatch({type: "insert", index, mode: "js", source: attachmentCellSource(name, original)});
  session.dispatch({type: "run", id: session.state.highestId as CellId});
  rerunReaders(session, name);
}

/** Runs again the cells that ran before and read the table, so they show the new file's rows. */
function rerunReaders(session: NotebookSession, name: AttachmentName): void {
  const reads = new RegExp(`\\b${name.table}\\b`, "i");
  for (const cell of session.state.notebook.cells) {
    if (session.state.ran.has(cell.id) && reads.test(cell.source) && !cell.source.includes("FileAttachment(")) session.dispatch({type: "run", id: cell.id});
  }
}

/** Whether a cell only records that `file` is attached (as {@link attachmentCellSource} writes it). */
function isAttachmentCell(source: string, file: string): boolean {
  const lines = source.trim().split("\n");
  return lines.at(-1) === `FileAttachment(${JSON.stringify(file)})` && lines.slice(0, -1).every((line) => line.startsWith("//"));
}

/** A notebook file dropped while editing: opened (as a new notebook) only if the user says so. */
async function openDroppedNotebook(file: File, draftUrl: (id: string) => string): Promise<string | undefined> {
  const reason = await notNotebookReason(file);
  if (reason !== undefined) return reason;
  const choice = await askChoice(
    "Open this notebook?",
    [paragraph(`"${file.name}" is a notebook, not a data file. Open it as a new notebook in this browser? The notebook you are editing stays as it is.`)],
    [["open", "Open it"], ["cancel", "Cancel"]],
    "cancel",
    "mapt-attach-open"
  );
  return choice === "open" ? openNotebookFile(file, draftUrl) : undefined;
}
