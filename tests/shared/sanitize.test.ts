import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {renderMarkdown, sanitizeHtml, sanitizeNode} from "../../src/shared/index.ts";

const clean = (html: string) => sanitizeHtml(html, "untrusted");
const trusted = (html: string) => sanitizeHtml(html, "trusted");

/** Whether the tree a browser builds from `html` holds a script or an event handler attribute. */
function runsScript(html: string): boolean {
  const document = new Window().document;
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.querySelectorAll("*")].some((element) => element.localName === "script" || [...element.attributes].some((a) => /^on/i.test(a.name)));
}

describe("sanitizeHtml", () => {
  it("sanitizeHtml removes scripts, frames, forms, styles and the elements that load or run code", () => {
    const html = '<p>ok</p><script>alert(1)</script><iframe srcdoc="<script>x</script>"></iframe><form action="https://e.example"><input></form><style>p{}</style><object data="x"></object><embed src="x"><base href="//e.example"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="//e.example">';
    expect(clean(html)).toBe("<p>ok</p>");
  });

  it("sanitizeHtml removes event handlers and scripting URLs, however they are written", () => {
    expect(clean('<img src="a.png" onerror="alert(1)" OnLoad="x">')).toBe('<img src="a.png">');
    expect(clean('<a href="javascript:alert(1)">a</a><a href=" JaVa&#x09;script:x">b</a><a href="vbscript:x">c</a>')).toBe("<a>a</a><a>b</a><a>c</a>");
    expect(clean('<a href="data:text/html,<script>x</script>">d</a>')).toBe("<a>d</a>");
    expect(clean('<svg><a xlink:href="javascript:x"><text>t</text></a></svg>')).not.toMatch(/javascript/);
  });

  it("sanitizeHtml keeps links to elsewhere but nothing the browser would load from elsewhere by itself", () => {
    expect(clean('<a href="https://ucdp.uu.se/">UCDP</a>')).toBe('<a href="https://ucdp.uu.se/">UCDP</a>');
    expect(clean('<img src="https://tracker.example/pixel.gif" alt="x">')).toBe('<img alt="x">');
    expect(clean('<img src="//tracker.example/p.gif">')).toBe("<img>");
    expect(clean('<img srcset="a.png 1x, https://tracker.example/b.png 2x">')).toBe("<img>");
    expect(clean('<video poster="http://tracker.example/p.png"></video>')).toBe("<video></video>");
    expect(clean('<img src="figures/chart.png">')).toBe('<img src="figures/chart.png">');
    expect(clean('<div style="background: url(https://tracker.example/x)">s</div>')).toBe("<div>s</div>");
  });

  it("sanitizeHtml, trusted, keeps the author's styles, forms and images but no script, handler, javascript: URL or srcdoc", () => {
    expect(trusted('<style>p { color: red }</style><p style="color: red">x</p>')).toBe('<style>p { color: red }</style><p style="color: red">x</p>');
    expect(trusted('<form><input name="q"></form><img src="https://example.org/a.png">')).toBe('<form><input name="q"></form><img src="https://example.org/a.png">');
    expect(trusted('<p>a</p><script>window.x = 1</script><img src=x onerror="window.x = 1"><iframe srcdoc="&lt;script&gt;x&lt;/script&gt;"></iframe><a href="javascript:x">l</a>'))
      .toBe('<p>a</p><img src="x"><a>l</a>');
    expect(trusted('<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>t</text></a></svg>')).toBe("<svg><a><text>t</text></a></svg>");
  });

  it("sanitizeHtml writes markup a browser reads as the same tags it checked (no parser tricks)", () => {
    // Each would run script if its text were kept as written; the browser must find no handler.
    const tricks = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      "<svg><style><img src=x onerror=alert(1)></style></svg>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      '<p title="a"b" onclick="x">t</p>',
      "<!--><img src=x onerror=alert(1)>-->",
      "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>",
      "<textarea></textarea><img src=x onerror=alert(1)></textarea>",
      "<title><img src=x onerror=alert(1)></title>",
      "a < b <img src=x onerror=alert(1) <p>"
    ];
    for (const html of tricks) {
      for (const policy of ["trusted", "untrusted"] as const) {
        expect(runsScript(sanitizeHtml(html, policy)), html).toBe(false);
      }
    }
  });

  it("sanitizeHtml closes a raw-text element the text left open, so it cannot swallow the page after it", () => {
    expect(trusted("<style>p {")).toBe("<style>p {</style>");
    expect(trusted("<textarea>a <b>")).toBe("<textarea>a &lt;b></textarea>");
  });
});

describe("renderMarkdown", () => {
  it("renderMarkdown keeps the author's raw HTML but none of its script", () => {
    const html = renderMarkdown('Hello <span class="note" onclick="alert(1)">note</span>\n\n<script>alert(1)</script>\n\n<a href="javascript:alert(1)">x</a>');
    expect(html).toBe('<p>Hello <span class="note">note</span></p>\n\n<p><a>x</a></p>\n');
  });
});

describe("sanitizeNode", () => {
  it("sanitizeNode removes scripts and string handlers from built DOM but keeps function handlers", () => {
    const document = new Window().document as unknown as Document;
    const div = document.createElement("div");
    div.innerHTML = '<button>b</button><img src="x" onerror="alert(1)"><script>x</script><a href="javascript:x">a</a>';
    // htl sets a function given as `onclick=${f}` as a property: the author's code, kept.
    const handler = () => undefined;
    (div.firstChild as HTMLButtonElement).onclick = handler;
    sanitizeNode(div, "trusted");
    expect(div.innerHTML).toBe('<button>b</button><img src="x"><a>a</a>');
    expect((div.firstChild as HTMLButtonElement).onclick).toBe(handler);
  });
});
