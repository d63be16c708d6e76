import {describe, expect, it} from "vitest";
import {addDraftVersion, emptyDraft, maxDraftVersions, maybeRecoverable} from "../../src/ui/index.ts";

describe("draft records", () => {
  it("addDraftVersion keeps the last 20 versions, newest last, and marks the record unsaved", () => {
    let record = emptyDraft("notebooks/a.html");
    for (let i = 0; i < 25; i++) record = addDraftVersion(record, `text ${i}`, i);
    expect(record.versions).toHaveLength(maxDraftVersions);
    expect(record.versions[0]).toEqual({time: 5, text: "text 5"});
    expect(record.versions.at(-1)).toEqual({time: 24, text: "text 24"});
    expect(record.unsaved).toBe(true);
  });

  it("addDraftVersion does not repeat an unchanged text", () => {
    const record = addDraftVersion(addDraftVersion(emptyDraft("k"), "same", 1), "same", 2);
    expect(record.versions).toEqual([{time: 1, text: "same"}]);
  });

  it("maybeRecoverable offers the newest unsaved version only when it differs from the file", () => {
    const record = addDraftVersion(emptyDraft("k"), "edited", 1);
    expect(maybeRecoverable(record, "original")).toEqual({time: 1, text: "edited"});
    expect(maybeRecoverable(record, "edited")).toBeUndefined();
    expect(maybeRecoverable({...record, unsaved: false}, "original")).toBeUndefined();
    expect(maybeRecoverable(undefined, "original")).toBeUndefined();
  });
});
