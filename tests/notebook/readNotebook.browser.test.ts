import {chromium, type Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumArgs, findChromium} from "../../src/cli/index.ts";
import {readNotebook} from "../../src/notebook/index.ts";
import {notebookFiles} from "./helpers.ts";
import {randomFiles} from "./randomFiles.ts";

// The reference is Chromium's own HTML parser, used the way Notebook Kit reads a notebook: the
// title is the first <title>'s text, the cells are `notebook script` elements (every <script>
// when there is no <notebook> element: MAPT's lenient reading), the id is Notebook Kit's
// numbering of the `id` attributes, and the source is the text with `<\/script>` unescaped, a
// blank last and first line dropped and four spaces removed from each line.

interface Parsed {
  title: string;
  cells: Array<{id: string | null; text: string; pinned: boolean; hidden: boolean; type: string | null}>;
}

let browser: Browser;
beforeAll(async () => void (browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs})));
afterAll(async () => browser?.close());

async function parseInChromium(texts: string[]): Promise<Parsed[]> {
  const page = await browser.newPage();
  try {
    return await page.evaluate((texts) =>
      texts.map((text) => {
        const document = new DOMParser().parseFromString(text, "text/html");
        const scripts = document.querySelector("notebook") ? document.querySelectorAll("notebook script") : document.querySelectorAll("script");
        return {
          title: document.querySelector("title")?.textContent ?? "",
          cells: Array.from(scripts, (s) => ({id: s.getAttribute("id"), text: s.textContent ?? "", pinned: s.hasAttribute("pinned"), hidden: s.hasAttribute("hidden"), type: s.getAttribute("type")}))
        };
      }), texts);
  } finally {
    await page.close();
  }
}

/** Notebook Kit's ids for a list of `id` attributes. */
function kitIds(values: Array<string | null>): number[] {
  let largest = 0;
  const taken = new Set<number>();
  return values.map((value) => {
    let id = Math.floor(Number(value ?? ""));
    if (!(id > 0) || !Number.isSafeInteger(id) || taken.has(id)) id = ++largest;
    else largest = Math.max(largest, id);
    taken.add(id);
    return id;
  });
}

function kitSource(text: string): string {
  const lines = text.replace(/<\\(?=\\*\/script[\s/>])/gi, "<").split("\n");
  if (/^\s*$/.test(lines.at(-1)!)) lines.pop();
  if (lines.length && /^\s*$/.test(lines[0]!)) lines.shift();
  return lines.map((line) => line.replace(/^ {4}/, "")).join("\n");
}

function asKitReads({title, cells}: Parsed) {
  const ids = kitIds(cells.map((cell) => cell.id));
  return {title, cells: cells.map((cell, i) => ({id: ids[i], source: kitSource(cell.text), pinned: cell.pinned, hidden: cell.hidden}))};
}

function asWeRead(text: string) {
  const {notebook} = readNotebook(text);
  return {title: notebook.title, cells: notebook.cells.map(({id, source, pinned, hidden}) => ({id, source, pinned, hidden}))};
}

describe("readNotebook against Chromium's HTML parser", () => {
  it("readNotebook finds the title, cells, ids, sources and flags Notebook Kit finds in every fixture and notebook", async () => {
    const files = notebookFiles();
    const texts = files.flatMap(({text}) => [text, text.replace(/\n/g, "\r\n")]);
    const parsed = await parseInChromium(texts);
    texts.forEach((text, i) => expect(asWeRead(text), files[i >> 1]!.name).toEqual(asKitReads(parsed[i]!)));
  });

  it("readNotebook finds what Chromium finds in 3,000 random files of tags, comments, scripts and stray characters", async () => {
    const texts = randomFiles(2024, 3000);
    const parsed = await parseInChromium(texts);
    texts.forEach((text, i) => expect(asWeRead(text), JSON.stringify(text)).toEqual(asKitReads(parsed[i]!)));
  });
});
