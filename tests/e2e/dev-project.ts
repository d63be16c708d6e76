import {copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {createServer, type ViteDevServer} from "vite";
import {maptConfig} from "../../src/vite/index.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** A dev server over a temporary project: its own (empty) notebooks/ folder, the real sources linked in. */
export interface DevProject {
  /** The project folder. */
  dir: string;
  /** The server's address, ending in `/`. */
  url: string;
  server: ViteDevServer;
  /** Stops the server and deletes the folder. */
  close(): Promise<void>;
}

/** Makes a project folder, lets `prepare` write its files, and starts a dev server over it. */
export async function startDevProject(prepare: (dir: string) => void): Promise<DevProject> {
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-dev-"));
  for (const name of ["src", "data"]) if (existsSync(path.join(root, name))) symlinkSync(path.join(root, name), path.join(dir, name), "dir");
  for (const name of ["index.html", "editor.html"]) copyFileSync(path.join(root, name), path.join(dir, name));
  mkdirSync(path.join(dir, "notebooks"));
  prepare(dir);
  const server = await createServer({
    ...maptConfig({root: dir}),
    configFile: false,
    logLevel: process.env.MAPT_DEV_LOG ? "info" : "warn",
    cacheDir: path.join(dir, ".vite"),
    server: {port: 0, host: "127.0.0.1", fs: {allow: [dir, root]}}
  });
  await server.listen();
  return {
    dir,
    url: server.resolvedUrls!.local[0]!,
    server,
    async close() {
      await server.close();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}
