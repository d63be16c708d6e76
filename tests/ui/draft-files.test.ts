import "fake-indexeddb/auto";
import {describe, expect, it} from "vitest";
import {deleteDraft, draftFile, listDraftFiles, readDraft, writeDraftFile} from "../../src/ui/index.ts";

/** A database as the app's first version left it: only the notebooks store, with one draft. */
async function openVersionOne(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open("mapt-drafts", 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore("notebooks", {keyPath: "key"});
      store.put({key: "draft:old", title: "Old", versions: [{time: 1, text: "<notebook></notebook>"}], unsaved: true});
    };
    request.onsuccess = () => (request.result.close(), resolve());
    request.onerror = () => reject(request.error);
  });
}

const names = (files: Array<{name: string}>) => files.map((f) => f.name);

describe("files kept with drafts", () => {
  it("draftFile records the file's bytes, type and size under its notebook and name", () => {
    const blob = new Blob(["year,deaths\n"], {type: "text/csv"});
    expect(draftFile("draft:a", "deaths.csv", blob, 5)).toEqual({notebook: "draft:a", name: "deaths.csv", blob, type: "text/csv", size: 12, time: 5});
  });

  it("writeDraftFile upgrades a store of the first version without losing its drafts; each notebook lists only its files; deleteDraft takes them too", async () => {
    await openVersionOne();
    const csv = (text: string) => new Blob([text], {type: "text/csv"});
    await writeDraftFile(draftFile("draft:a", "deaths.csv", csv("a1"), 1));
    await writeDraftFile(draftFile("draft:a", "events.csv", csv("a2"), 2));
    await writeDraftFile(draftFile("draft:ab", "deaths.csv", csv("ab"), 3));
    await writeDraftFile(draftFile("notebooks/kenya.html", "deaths.csv", csv("k"), 4));
    expect((await readDraft("draft:old"))?.title).toBe("Old");
    expect(names(await listDraftFiles("draft:a"))).toEqual(["deaths.csv", "events.csv"]);

    await writeDraftFile(draftFile("draft:a", "deaths.csv", csv("replaced"), 5));
    const [deaths] = await listDraftFiles("draft:a");
    expect(deaths).toMatchObject({name: "deaths.csv", size: 8, time: 5});

    await deleteDraft("draft:a");
    expect(await listDraftFiles("draft:a")).toEqual([]);
    expect(names(await listDraftFiles("draft:ab"))).toEqual(["deaths.csv"]);
    expect(names(await listDraftFiles("notebooks/kenya.html"))).toEqual(["deaths.csv"]);
  });
});
