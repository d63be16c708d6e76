/** Pieces of notebook files, well-formed and not, that random files are made of. */
const fragments = [
  "<!doctype html>", "<!DOCTYPE html>", "<notebook>", '<notebook theme="air" x=1>', "<notebook readonly>", "</notebook>", "<title>", "</title>",
  "<title>T&amp;t</title>", "&amp;", "&lt;", "&mdash;", '<script id="1" type="module">', '<script id="1">', "<script type='text/markdown' pinned>",
  "<script id=2 hidden>", "<script id='a'>", "<script id=007>", "<script id=1.5>", "<script pinned=''>", "<SCRIPT ID=9>", "<scRipt>", "<script>",
  "<script >", "</script>", "</script >", "</SCRIPT>", "</script/>", "<\\/script>", "<!--", "-->", "<!-->", "<!--->", "--!>", "<!--<script>",
  "<!-- <script>", "<!x>", "<?x?>", "<![CDATA[x]]>", "</ x>", "</>", "<meta charset=utf-8>", "<style>", "</style>", "<div>", "</div>", "<p>",
  "</p>", "<span>", "</span>", "<br/>", "<html>", "<head>", "<body>", "</body>", "<template>", "</template>", "<h1>", "<h3>", "</h3>", "</h2>",
  "<textarea>", "</textarea>", "<x-a>", "</x-a>", "<section>", "</section>", "<li>", "</li>", "<dd>", "<dt>", "<pre>", "<button>", "</button>",
  "<plaintext>", "<iframe>", "</iframe>", "<noscript>", "</noscript>", "<xmp>", "</xmp>", "<abbr title='x>y'>", '<b c="', "<id=3>", "<id=>",
  "text", "${x}", "`", "\\", "\n", "\n  ", "\n    ", "  ", "\t", '"', "'", "=", "<", ">", "/", "</", "\r", "\r\n", "\u0000", "\ufeff"
];

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` random files of up to 30 fragments, the same for the same seed. The fragments leave out
 * what the reader does not model (formatting elements like `<a>`, tables, selects, SVG and MathML).
 */
export function randomFiles(seed: number, count: number): string[] {
  const next = random(seed);
  return Array.from({length: count}, () =>
    Array.from({length: Math.floor(next() * 30)}, () => fragments[Math.floor(next() * fragments.length)]).join("")
  );
}
