import {describe, expect, it} from "vitest";
import {checkLinkFiles, chosenFileProblem, linkFileMessage} from "../../src/ui/index.ts";

const hashA = "a".repeat(64);
const hashB = "b".repeat(64);
const reference = {name: "deaths.csv", size: 120, sha256: hashA};

describe("a link's data files", () => {
  it("checkLinkFiles finds the files a link refers to that are missing or have other bytes", () => {
    const present = new Map([["deaths.csv", {size: 120, sha256: hashA}], ["events.csv", {size: 9, sha256: hashA}]]);
    const references = [reference, {name: "events.csv", size: 9, sha256: hashB}, {name: "gone.csv", size: 1, sha256: hashB}];
    expect(checkLinkFiles(references, present).map(({reference, kind}) => [reference.name, kind])).toEqual([
      ["events.csv", "different"],
      ["gone.csv", "missing"]
    ]);
  });

  it("linkFileMessage names the file, its size and hash, and says to choose it", () => {
    const missing = linkFileMessage({reference, kind: "missing"});
    expect(missing).toContain("“deaths.csv” (120 bytes, SHA-256 aaaaaaaaaaaa…)");
    expect(missing).toContain("Choose that file");
    expect(linkFileMessage({reference, kind: "different"})).toContain("its bytes differ");
  });

  it("chosenFileProblem accepts only the bytes the link refers to, and says how another file differs", () => {
    expect(chosenFileProblem(reference, {name: "mine.csv", size: 120, sha256: hashA})).toBeUndefined();
    expect(chosenFileProblem(reference, {name: "mine.csv", size: 80, sha256: hashB})).toContain("it has 80 bytes, the link's has 120 bytes");
    expect(chosenFileProblem(reference, {name: "mine.csv", size: 120, sha256: hashB})).toContain("same size, but its SHA-256 is bbbbbbbbbbbb…");
  });
});
