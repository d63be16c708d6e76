import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {isInside} from "./attachments.ts";

/** How a Notebook Kit project builds a notebook: the site it belongs to and its page template. */
export interface NotebookKitSite {
  /**
   * The folder a site-root address (`/public/logo.svg`) names: the `--root` of the project's
   * `notebooks build` or `notebooks preview` script whose root holds the notebook (Notebook Kit
   * builds with Vite, whose root it is), else the project itself.
   */
  siteRoot: string;
  /** The page template (absolute path) that script names with `--template`; absent: none. */
  template?: string;
  /** What named the template, for messages: `package.json script "docs:build"`. */
  namedBy?: string;
}

/** One `notebooks build|preview` command of a package.json script. */
interface KitCommand {
  script: string;
  root: string;
  template?: string;
}

/**
 * The site and page template of `notebook` in `project` (both absolute), read from the
 * project's package.json: the first script that runs `notebooks build` or `notebooks preview`
 * (Notebook Kit's command line) with a `--root` holding the notebook (default: the project),
 * with its `--template` if it has one. Paths resolve against the project, where npm runs its
 * scripts. Without such a script, or a readable package.json: the project, no template.
 */
export function notebookKitSite(project: string, notebook: string): NotebookKitSite {
  // A root outside the project is not followed: a site-root address never leads out of it.
  const command = kitCommands(project).find((c) => isInside(project, c.root) && isInside(c.root, notebook));
  if (command === undefined) return {siteRoot: project};
  return {
    siteRoot: command.root,
    ...(command.template === undefined ? {} : {template: command.template, namedBy: `package.json script "${command.script}"`})
  };
}

function kitCommands(project: string): KitCommand[] {
  const file = path.join(project, "package.json");
  if (!existsSync(file)) return [];
  let scripts: unknown;
  try {
    scripts = (JSON.parse(readFileSync(file, "utf8")) as {scripts?: unknown}).scripts;
  } catch {
    return [];
  }
  if (typeof scripts !== "object" || scripts === null) return [];
  const commands: KitCommand[] = [];
  for (const [script, line] of Object.entries(scripts)) {
    if (typeof line !== "string") continue;
    for (const part of line.split(/&&|\|\||[;|]/)) {
      const words = part.trim().split(/\s+/).map((word) => word.replace(/^(["'])(.*)\1$/, "$2"));
      const at = words.findIndex((word, i) => /(?:^|\/)notebooks$/.test(word) && (words[i + 1] === "build" || words[i + 1] === "preview"));
      if (at < 0) continue;
      const option = (name: string) => {
        for (let i = at + 2; i < words.length; i++) {
          if (words[i] === `--${name}`) return words[i + 1];
          if (words[i]!.startsWith(`--${name}=`)) return words[i]!.slice(name.length + 3);
        }
        return undefined;
      };
      const root = option("root");
      const template = option("template");
      commands.push({script, root: path.resolve(project, root ?? "."), ...(template === undefined ? {} : {template: path.resolve(project, template)})});
    }
  }
  return commands;
}
