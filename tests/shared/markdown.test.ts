import {describe, expect, it} from "vitest";
import {headingSlug, renderMarkdown} from "../../src/shared/index.ts";

describe("renderMarkdown", () => {
  it("renderMarkdown gives every heading an id and a link to it; a repeated heading gets a numbered id", () => {
    const html = renderMarkdown("# Who was engaged?\n\n## Kenya, 2008\n\n## Kenya, 2008");
    expect([...html.matchAll(/<h\d id="([^"]+)"><a class="mapt-anchor" href="#([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ["who-was-engaged", "who-was-engaged"],
      ["kenya-2008", "kenya-2008"],
      ["kenya-2008-2", "kenya-2008-2"]
    ]);
  });

  it("headingSlug keeps letters of any script and drops accents and punctuation", () => {
    expect(headingSlug("Résumé: «Syrie» — 2011!")).toBe("resume-syrie-2011");
    expect(headingSlug("سوريا ٢٠١١")).toBe("سوريا-٢٠١١");
    expect(headingSlug("!!!")).toBe("section");
  });
});
