/** The notebook of DESIGN.md, "The notebook file", exactly as we write it. */
export const designExample = [
  "<!doctype html>",
  '<notebook theme="air">',
  "  <title>Kenya 2007-08</title>",
  '  <script id="1" type="text/markdown">',
  "    # Kenya 2007-08",
  "  </script>",
  '  <script id="2" type="application/sql" database="var:db" output="deaths">',
  "    SELECT year, deaths FROM ucdp_country_year WHERE country = ${country}",
  "  </script>",
  '  <script id="3" type="module">',
  '    Plot.lineY(deaths, {x: "year", y: "deaths"}).plot()',
  "  </script>",
  "</notebook>",
  ""
].join("\n");
