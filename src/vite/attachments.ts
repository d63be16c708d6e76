import {existsSync, realpathSync, statSync} from "node:fs";
import {homedir} from "node:os";
import path from "node:path";
import {mimeTypeOf} from "../shared/index.ts";
import type {ResolvedAttachment} from "./notebook-module.ts";

/** The folders a notebook's `FileAttachment` names may resolve into. */
export interface AttachmentFolders {
  /** The notebook file's own folder (names resolve against it). */
  notebookDir: string;
  /** The project's catalog folder (`data/`), also allowed. */
  dataDir: string;
  /**
   * The notebook's project (see `projectRootOf`): a symbolic link among the notebook's files may
   * lead anywhere inside it but into a hidden folder or file. Absent: links must stay inside
   * `notebookDir` or `dataDir` too.
   */
  projectRoot?: string;
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
 * notebook's folder or the catalog's `data/` folder. Once symbolic links are followed it must
 * still be inside one of those, or inside the notebook's project (`projectRoot`) outside any
 * hidden folder: a project may keep its data in a folder beside the notebooks and link it
 * (`data -> ../data`), yet no link leads out of the project or to its `.git`, `.env` and the like.
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
    if (realDirs.some((dir) => isInside(dir, real))) return undefined;
    const project = folders.projectRoot !== undefined && existsSync(folders.projectRoot) ? realpathSync(folders.projectRoot) : undefined;
    if (project === undefined || !isInside(project, real)) {
      return `it is a link to a file outside the notebook's ${project === undefined ? "folder" : `project (${path.basename(project)})`}; ${rule}`;
    }
    if (path.relative(project, real).split(path.sep).some((segment) => segment.startsWith("."))) {
      return `it is a link to a hidden file or folder; ${rule}`;
    }
  }
  return undefined;
}

/** Files whose presence makes a folder a project's root. */
const PROJECT_MARKERS = ["package.json", ".git"];

/**
 * The project a notebook from elsewhere belongs to: the nearest folder, from the notebook's own
 * upwards, that holds a `package.json` or `.git`, as a cloned repository or an npm project does.
 * The search stops below the user's home folder and the file system's root (neither is ever a
 * project); with no project found, the notebook's own folder.
 */
export function projectRootOf(notebookDir: string): string {
  const start = path.resolve(notebookDir);
  const stops = new Set([path.resolve(homedir()), path.parse(start).root]);
  for (let dir = start; !stops.has(dir); dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((marker) => existsSync(path.join(dir, marker)))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return start;
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
