import {execFileSync, spawnSync} from "node:child_process";
import {chownSync, existsSync, mkdtempSync, readdirSync, rmSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import path from "node:path";

/** A PostgreSQL server of its own, on a loopback port, for one test file. */
export interface PostgresServer {
  port: number;
  /** Stops the server and removes its data folder. */
  stop(): void;
}

/** The folder of PostgreSQL's programs (initdb, pg_ctl): on the PATH, or Debian's versioned folder. */
function postgresBin(): string {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], {encoding: "utf8"}).stdout.trim();
  if (onPath) return path.dirname(onPath);
  const base = "/usr/lib/postgresql";
  const version = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (version === undefined) throw new Error("PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run installs it)");
  return path.join(base, version, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Starts a fresh PostgreSQL cluster (trust authentication, user `postgres`) listening only on
 * 127.0.0.1. PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-postgres-"));
  const root = process.getuid?.() === 0;
  if (root) {
    const ids = execFileSync("id", ["-u", "postgres"], {encoding: "utf8"}).trim();
    const gid = execFileSync("id", ["-g", "postgres"], {encoding: "utf8"}).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const run = (program: string, args: string[]) =>
    execFileSync(root ? "runuser" : path.join(bin, program), root ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args, {stdio: "pipe", cwd: tmpdir()});
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]);
  const port = await freePort();
  run("pg_ctl", ["-D", data, "-w", "-l", path.join(dir, "log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`, "start"]);
  return {
    port,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-w", "-m", "fast", "stop"]);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    }
  };
}
