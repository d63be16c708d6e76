import {mkdtempSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic, type StaticServer} from "../../src/cli/index.ts";
import {openRemoteFile, readRange} from "../../src/data/index.ts";

const body = "id,region\n" + Array.from({length: 500}, (_, i) => `${i},r${i % 7}`).join("\n") + "\n";
let ranged: StaticServer;
let whole: Server;
let wholeUrl: string;
let requestedRanges: Array<string | undefined> = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-remote-"));
  writeFileSync(path.join(dir, "rows.csv"), body);
  ranged = await serveStatic(dir);
  // A host that ignores Range and always sends the whole file.
  whole = createServer((request, response) => {
    requestedRanges.push(request.headers.range);
    response.writeHead(200, {"content-type": "text/csv", "content-length": Buffer.byteLength(body)}).end(body);
  });
  await new Promise<void>((resolve) => whole.listen(0, "127.0.0.1", resolve));
  wholeUrl = `http://127.0.0.1:${(whole.address() as AddressInfo).port}/rows.csv`;
});
afterAll(async () => {
  await ranged?.close();
  whole?.close();
});

describe("a file at a URL", () => {
  it("openRemoteFile learns its size and that its server reads ranges, and readRange reads a range of it", async () => {
    const file = await openRemoteFile(`${ranged.url}rows.csv`);
    expect(file).toEqual({url: `${ranged.url}rows.csv`, size: Buffer.byteLength(body), ranges: true});
    expect(new TextDecoder().decode(await readRange(file, 10, 20))).toBe(body.slice(10, 20));
  });

  it("openRemoteFile on a host that ignores ranges reports its size from Content-Length and no ranges", async () => {
    requestedRanges = [];
    expect(await openRemoteFile(wholeUrl)).toEqual({url: wholeUrl, size: Buffer.byteLength(body), ranges: false});
    expect(requestedRanges).toEqual(["bytes=0-0"]);
  });

  it("openRemoteFile asks nothing of a URL that is not HTTP (its file is fetched whole)", async () => {
    expect(await openRemoteFile("data:text/csv,a%0A1")).toEqual({url: "data:text/csv,a%0A1", size: undefined, ranges: false});
  });

  it("openRemoteFile fails with the URL and status of a missing file", async () => {
    await expect(openRemoteFile(`${ranged.url}missing.csv`)).rejects.toThrow(`fetching ${ranged.url}missing.csv failed: 404`);
  });
});
