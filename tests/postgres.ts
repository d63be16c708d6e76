// A real PostgreSQL server for tests: Debian's `postgresql` package (installed by .ci/run when
// missing), a fresh cluster in a temporary folder, listening on a free loopback port only.
import {execFileSync, spawn, type ChildProcess} from "node:child_process";
import {chmodSync, existsSync, mkdtempSync, readdirSync, rmSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import path from "node:path";
import pg from "pg";

/** A running server: connect as `user` to database `postgres` on 127.0.0.1:`port`. */
export interface TestPostgres {
  port: number;
  user: string;
  stop(): Promise<void>;
}

/** The folder of PostgreSQL's programs (initdb, postgres), the newest installed version. */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(path.join(root, version, "bin", "initdb"))) return path.join(root, version, "bin");
  throw new Error("PostgreSQL is not installed (Debian's postgresql package); .ci/run installs it");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server and resolves once it accepts connections. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  // PostgreSQL refuses to run as root: as root, run it as the package's postgres user.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? "postgres" : (process.env.USER ?? "postgres");
  const run = (program: string, args: string[]) => (asRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args]) as [string, string[]];
  execFileSync(...run(path.join(bin, "initdb"), ["-D", data, "-U", user, "--auth=trust", "--no-sync", "-E", "UTF8"]), {stdio: "ignore"});
  const port = await freePort();
  const server: ChildProcess = spawn(...run(path.join(bin, "postgres"), ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-F"]), {stdio: "ignore"});
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      execFileSync(...run(path.join(bin, "pg_ctl"), ["-D", data, "stop", "-m", "immediate"]), {stdio: "ignore"});
      await exited;
    }
    rmSync(dir, {recursive: true, force: true});
  };
  // Poll until the server accepts a connection (it takes about a second), for at most 60 s.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({host: "127.0.0.1", port, user, database: "postgres"});
    try {
      await client.connect();
      await client.end();
      return {port, user, stop};
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline || server.exitCode !== null) {
        await stop();
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
