import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {
  decodeShareFragment,
  encodeShareFragment,
  fromInputValue,
  sha256,
  sha256InJavaScript,
  toInputValue,
  type SharePayload
} from "../../src/share/index.ts";

const notebook = `<!doctype html>\n<notebook theme="slate">\n  <title>Shared — «unicode» ✓</title>\n  <script id="1" type="module">\n    const n = view(Inputs.range([0, 10]));\n  </script>\n</notebook>\n`;

describe("share links", () => {
  it("encodeShareFragment and decodeShareFragment round-trip a notebook, its inputs and file references exactly", async () => {
    const payload: SharePayload = {
      notebook,
      inputs: {n: 7, country: "Kenya", flags: [true, false], since: {$date: "2007-12-27T00:00:00.000Z"}, none: null},
      files: [{name: "deaths.csv", size: 120, sha256: "a".repeat(64)}]
    };
    const fragment = await encodeShareFragment(payload);
    expect(fragment).toMatch(/^nb1\/[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(fragment)).toEqual({payload});
  });

  it("encodeShareFragment makes a state-only link for a page that holds its notebook", async () => {
    const fragment = await encodeShareFragment({inputs: {year: 2008}, files: []});
    expect(fragment).toMatch(/^state1\//);
    expect(await decodeShareFragment(fragment)).toEqual({payload: {inputs: {year: 2008}, files: []}});
  });

  it("encodeShareFragment compresses: a notebook's link is shorter than its text", async () => {
    const long = notebook.replace("</notebook>", `${"  <script type=\"text/markdown\">\n    Some prose about early warning.\n  </script>\n".repeat(40)}</notebook>`);
    expect((await encodeShareFragment({notebook: long, inputs: {}, files: []})).length).toBeLessThan(long.length / 4);
  });

  it("decodeShareFragment says what is wrong with a cut-off, damaged, foreign or future link, and never throws", async () => {
    const fragment = await encodeShareFragment({notebook, inputs: {}, files: []});
    expect(await decodeShareFragment(fragment.slice(0, fragment.length - 20))).toEqual({error: expect.stringMatching(/incomplete/)});
    expect(await decodeShareFragment("nb1/not*base64!")).toEqual({error: expect.stringMatching(/damaged/)});
    expect(await decodeShareFragment(`nb2/${fragment.slice(4)}`)).toEqual({error: expect.stringMatching(/newer version.*nb2/)});
    expect(await decodeShareFragment("nb1/" + "A".repeat(40))).toEqual({error: expect.stringMatching(/incomplete|notebook/)});
    const notJson = await encodeShareFragment({notebook: "x", inputs: {}, files: []});
    expect(await decodeShareFragment(notJson.replace("nb1/", "state1/"))).toEqual({error: expect.stringMatching(/does not hold a notebook/)});
    expect(await decodeShareFragment("cell-3")).toEqual({error: expect.stringMatching(/does not hold a shared notebook/)});
  });

  it("toInputValue keeps what a link can carry and fromInputValue gives it back; files and nodes stay out", () => {
    const date = new Date("2011-03-15T00:00:00Z");
    for (const value of [3, "Syria", true, null, [1, 2], date]) expect(fromInputValue(toInputValue(value)!)).toEqual(value);
    expect(toInputValue(NaN)).toBeUndefined();
    expect(toInputValue({a: 1})).toBeUndefined();
    expect(toInputValue([1, {a: 1}])).toBeUndefined();
  });

  it("sha256 equals Node's SHA-256, in the platform's digest and in JavaScript", async () => {
    for (const text of ["", "abc", "x".repeat(1000), "✓ «unicode»"]) {
      const expected = createHash("sha256").update(text).digest("hex");
      expect(await sha256(text)).toBe(expected);
      expect(sha256InJavaScript(new TextEncoder().encode(text))).toBe(expected);
    }
  });
});
