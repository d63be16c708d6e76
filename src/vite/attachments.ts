import {existsSync, realpathSync, statSync} from "node:fs";
import path from "node:path";
import {mimeTypeOf} from "../shared/index.ts";
import type {ResolvedAttachment} from "./notebook-module.ts";

/** The folders a notebook's `FileAttachment` names may resolve into. */
export interface AttachmentFolders {
  /** The notebook file's own folder (names resolve against it). */
  notebookDir: string;
  /** The project's catalog folder (`data/`), also allowed. */
  dataDir: string;
}

/** A `FileAttachment` name that points outside the allowed folders, with the cell that names it. */
export interface RefusedAttachment {
  cell: number;
  name: string;
  /** Why, with the rule and what to do. */
  message: string;
}

/** What the build makes of a notebook's `FileAttachment` names. */
export interface AttachmentResolution {
  /** The names that exist inside the allowed folders, as bundled assets. */
  attachments: ResolvedAttachment[];
  /** The names that point elsewhere: never read, each an error on its cell. */
  refused: RefusedAttachment[];
}

/** Whether `file` is `dir` or inside it (both absolute). */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Why a `FileAttachment` name may not be read, or `undefined` when it may: it must be a relative
 * path (forward slashes only, no percent-escapes or control characters) that stays inside the
 * notebook's folder or the catalog's `data/` folder, also once symbolic links are followed.
 */
export function attachmentRefusal(name: string, folders: AttachmentFolders): string | undefined {
  const rule = `a notebook reads only files in its own folder or in the catalog's data/ folder; copy the file beside the notebook and name it by a relative path`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return `the name has a control character; ${rule}`;
  if (name.includes("\\")) return `the name has a backslash (write folders with "/"); ${rule}`;
  if (/%[0-9a-f]{2}/i.test(name)) return `the name has a percent-escape (write the name as it is on disk); ${rule}`;
  if (name.startsWith("/") || /^[a-z]:/i.test(name) || /^[a-z][a-z0-9+.-]*:/i.test(name)) return `it is an absolute path or address; ${rule}`;
  const notebookDir = path.resolve(folders.notebookDir);
  const dataDir = path.resolve(folders.dataDir);
  const file = path.resolve(notebookDir, name);
  if (!isInside(notebookDir, file) && !isInside(dataDir, file)) return `it points outside the notebook's folder; ${rule}`;
  if (existsSync(file)) {
    const real = realpathSync(file);
    const realDirs = [notebookDir, dataDir].filter((dir) => existsSync(dir)).map((dir) => realpathSync(dir));
    if (!realDirs.some((dir) => isInside(dir, real))) return `it is a link to a file outside the notebook's folder; ${rule}`;
  }
  return undefined;
}

/**
 * Each literal `FileAttachment` name of a notebook's cells: those inside the allowed folders
 * that exist become bundled assets; those outside are refused, whether or not they exist.
 */
export function resolveAttachments(cells: ReadonlyArray<{id: number; files: readonly string[]}>, folders: AttachmentFolders): AttachmentResolution {
  const attachments: ResolvedAttachment[] = [];
  const refused: RefusedAttachment[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    for (const name of cell.files) {
      const why = attachmentRefusal(name, folders);
      if (why) {
        refused.push({cell: cell.id, name, message: `FileAttachment(${JSON.stringify(name)}) is refused: ${why}.`});
        continue;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      const file = path.resolve(folders.notebookDir, name);
      if (existsSync(file) && statSync(file).isFile()) attachments.push({name, file, mimeType: mimeTypeOf(name)});
    }
  }
  return {attachments, refused};
}
