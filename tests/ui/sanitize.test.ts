import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {sanitizeHtml} from "../../src/ui/sanitize.ts";

const document = new Window().document as unknown as Document;
const clean = (html: string) => sanitizeHtml(html, document);

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
});
