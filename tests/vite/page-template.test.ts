import {createHash} from "node:crypto";
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {contentSecurityPolicy} from "../../src/shared/index.ts";
import {notebookKitSite, readPageTemplate} from "../../src/vite/index.ts";
import {renderNotebookPage} from "../../src/vite/notebook-page.ts";

const templateFile = path.join(import.meta.dirname, "fixtures", "page-template.tmpl");
const templateText = readFileSync(templateFile, "utf8");
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const notebook = `<!doctype html>\n<notebook>\n  <title>Birds</title>\n  <script id="1" type="text/markdown">\n    # Birds\n  </script>\n</notebook>\n`;

describe("Notebook Kit page templates", () => {
  it("readPageTemplate keeps the template's styles, links and scripts, drops what the page states itself and Notebook Kit's own imports, and splits the body at <main>", () => {
    const template = readPageTemplate(templateText);
    expect(template.title).toBe(" · Field Guide");
    expect(template.head).not.toMatch(/charset|viewport|Content-Security-Policy|<title>/);
    expect(template.head).not.toMatch(/observable:|@fontsource/);
    expect(template.head).toContain(`@import "./local.css";`);
    expect(template.head).toContain(".guide-banner { background: #fd0; }");
    expect(template.head).toContain(`<link rel="icon" href="/public/mark.svg" vite-ignore/>`);
    expect(template.head).toContain(`<script type="module" src="/lib/guide.js" vite-ignore></script>`);
    expect(template.beforeMain).toBe(`<div class="guide-banner">A field guide</div>`);
    expect(template.afterMain).toMatch(/^<footer>Made with care<\/footer>\s*<script vite-ignore>document.querySelector/);
    expect(template.afterMain).not.toContain("replaced by the notebook");
  });

  it("readPageTemplate lists the hash of each inline script, which the page's policy then allows", () => {
    const template = readPageTemplate(templateText);
    const inline = [`\n      window.guideName = "Field Guide";\n    `, `document.querySelector("footer").dataset.ready = "yes";`];
    expect(template.scriptHashes).toEqual(inline.map(sha256));
    const scripts = contentSecurityPolicy([], {scriptHashes: [...template.scriptHashes, "'unsafe-inline'"]}).split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe(`script-src 'self' 'wasm-unsafe-eval' ${template.scriptHashes.join(" ")}`);
  });

  it("readPageTemplate hashes a script as the browser reads it (CR LF as LF) and not a script of the <main> the notebook replaces", () => {
    const template = readPageTemplate(`<head><script>a = 1;\r\nb = 2;</script></head><body><main><script>gone()</script></main></body>`);
    expect(template.scriptHashes).toEqual([sha256("a = 1;\nb = 2;")]);
    expect(template.afterMain).toBe("");
  });

  it("readPageTemplate puts the notebook at the end of a body with no <main>, and reads a template with no head or body tags", () => {
    const template = readPageTemplate(`<style>p { color: red; }</style><nav>Home</nav>`);
    expect(template).toMatchObject({head: "<style>p { color: red; }</style>", beforeMain: "<nav>Home</nav>", afterMain: "", title: "", scriptHashes: []});
  });

  it("renderNotebookPage lays the notebook out in the template: its head after MAPT's, its body around the notebook, the notebook's title before the template's", () => {
    const template = readPageTemplate(templateText);
    const page = renderNotebookPage(notebook, {moduleId: "virtual:x", rootUrl: "../", stylesheet: "/styles.css", template});
    const html = page.html;
    expect(html).toContain("<title>Birds · Field Guide</title>");
    expect(html.indexOf(`href="/styles.css"`)).toBeLessThan(html.indexOf(".guide-banner { background"));
    expect(html.indexOf("A field guide</div>")).toBeLessThan(html.indexOf(`<main class="mapt-notebook"`));
    expect(html.indexOf("<footer>Made with care")).toBeGreaterThan(html.indexOf("</main>"));
    expect(html).toContain(template.scriptHashes[0]!);
    expect(page.scriptHashes).toEqual(template.scriptHashes);
    const plain = renderNotebookPage(notebook, {moduleId: "virtual:x", rootUrl: "../", stylesheet: "/styles.css"});
    expect(plain.html).toContain("<title>Birds · MAPT Notebooks</title>");
    expect(plain.html).not.toContain("sha256-");
  });

  it("notebookKitSite takes the template and root of the package.json script that builds the notebook, and never a root outside the project", () => {
    const project = mkdtempSync(path.join(tmpdir(), "mapt-kit-site-"));
    mkdirSync(path.join(project, "docs", "guides"), {recursive: true});
    const scripts = {
      build: "rollup -c",
      "docs:preview": "notebooks preview --root docs --template docs/page.tmpl",
      "docs:build": "notebooks build --root=docs --template=docs/page.tmpl -- docs/*.html && cp -r docs/public out",
      "away:build": "notebooks build --root .. --template ../x.tmpl"
    };
    writeFileSync(path.join(project, "package.json"), JSON.stringify({scripts}));
    const guide = path.join(project, "docs", "guides", "owl.html");
    expect(notebookKitSite(project, guide)).toEqual({siteRoot: path.join(project, "docs"), template: path.join(project, "docs", "page.tmpl"), namedBy: `package.json script "docs:preview"`});
    expect(notebookKitSite(project, path.join(project, "notes.html")), "outside docs/ and outside the project: the project, no template").toEqual({siteRoot: project});
    writeFileSync(path.join(project, "package.json"), "{not json");
    expect(notebookKitSite(project, guide)).toEqual({siteRoot: project});
  });
});
