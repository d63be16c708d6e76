import {parse, type Node} from "acorn";
import {ancestor} from "acorn-walk";
import path from "node:path";

/**
 * The members of `Plot` that a page's cells name, as in `Plot.lineY(...)`, so the page can load a
 * Plot module holding just those (Plot's marks and transforms tree-shake). `undefined` when any
 * cell uses `Plot` some other way (`Plot[name]`, passing `Plot` on), which needs all of it.
 * Names that are not Plot exports are dropped: such a cell fails the same way with either module.
 */
export function plotMembers(bodies: string[], exports: ReadonlySet<string>): string[] | undefined {
  return namespaceMembers(bodies, "Plot", exports);
}

/** {@link plotMembers} for any builtin namespace (`Plot`, `d3`, `aq`); `const {a, b} = namespace` names `a` and `b`. */
export function namespaceMembers(bodies: string[], namespace: string, exports: ReadonlySet<string>): string[] | undefined {
  const members = new Set<string>();
  for (const body of bodies) {
    let whole = false;
    ancestor(parse(`(${body})`, {ecmaVersion: "latest", sourceType: "module"}) as Node, {
      Identifier(node, _state, ancestors) {
        if ((node as unknown as {name: string}).name !== namespace) return;
        const parent = ancestors[ancestors.length - 2] as (Node & {object?: Node; property?: Node & {name?: string}; computed?: boolean; key?: Node}) | undefined;
        if (parent?.type === "MemberExpression" && parent.object === node && !parent.computed) members.add(parent.property!.name!);
        else if (parent?.type === "MemberExpression" && parent.property === node && !parent.computed) return; // x.Plot
        else if (parent?.type === "Property" && parent.key === node && !parent.computed && (parent as {shorthand?: boolean}).shorthand !== true) return; // {Plot: 1}
        else if (parent?.type === "VariableDeclarator" && (parent as {init?: Node}).init === node && destructured(parent as unknown as {id: Node}, members)) return; // const {lineY} = Plot
        else whole = true;
      }
    });
    if (whole) return undefined;
  }
  return [...members].filter((name) => exports.has(name)).sort();
}

/** Adds the names of `const {a, b: c} = namespace` to `members`; false for any other pattern (a rest, a computed key). */
function destructured(declarator: {id: Node}, members: Set<string>): boolean {
  const pattern = declarator.id as Node & {properties?: Array<Node & {key?: Node & {name?: string}; computed?: boolean}>};
  if (pattern.type !== "ObjectPattern") return false;
  const names = pattern.properties!.map((p) => (p.type === "Property" && !p.computed && p.key?.type === "Identifier" ? p.key.name : undefined));
  if (names.some((name) => name === undefined)) return false;
  for (const name of names) members.add(name!);
  return true;
}

const plotGeoModule = path.resolve(import.meta.dirname, "../stdlib/plot-geo-ready.ts");

/** A name and the module file that defines it. */
interface Binding {
  file: string;
  name: string;
}

/** Where Plot's exports, and the names its index imports for itself, are defined. */
export interface PlotExportSources {
  /** Export name → where it is defined. */
  exports: Map<string, Binding>;
  /** Names the index imports for its own use (`Mark`, `plot`). */
  imports: Map<string, Binding>;
}

/** Reads Plot's `src/index.js` (or Arquero's, of the same form): every export is an `export {…} from "./module.js"`. */
export function plotExportSources(indexFile: string, indexSource: string): PlotExportSources {
  const sources: PlotExportSources = {exports: new Map(), imports: new Map()};
  const program = parse(indexSource, {ecmaVersion: "latest", sourceType: "module"}) as unknown as {body: any[]};
  const fileOf = (specifier: string) => path.resolve(path.dirname(indexFile), specifier);
  for (const statement of program.body) {
    if (statement.type === "ExportNamedDeclaration" && statement.source) {
      for (const s of statement.specifiers) sources.exports.set(s.exported.name, {file: fileOf(statement.source.value), name: s.local.name});
    } else if (statement.type === "ImportDeclaration") {
      for (const s of statement.specifiers) if (s.imported) sources.imports.set(s.local.name, {file: fileOf(statement.source.value), name: s.imported.name});
    }
  }
  return sources;
}

/** Plot's members that draw with d3-geo whatever their options. */
const geoMembers = new Set(["geo", "geoCentroid", "graticule", "sphere", "centroid"]);

/**
 * Whether a page's cells may make Plot call d3-geo: they name a geo member, mention a projection
 * or clip to something other than the frame (a GeoJSON clip). Text, not syntax: a false alarm
 * only costs the page d3-geo's bytes.
 */
export function plotMayNeedGeo(bodies: string[], members: string[] | undefined): boolean {
  if (members === undefined || members.some((member) => geoMembers.has(member))) return true;
  return bodies.some((body) => /projection|\bclip\s*:(?!\s*(?:true\b|false\b|null\b|["']frame["']))/.test(body));
}

/**
 * A module exporting just `members` of Plot, each from the module that defines it, so a page
 * downloads only those marks and what they need. Plot's index adds `mark.plot(options)` to every
 * mark; members loaded apart from the index get the same method here. With `geo`, the module
 * loads d3-geo for Plot's projections (see src/stdlib/plot-geo.ts). `extra` ends the module
 * (allPlotSchemesCode of plot-schemes.ts, for a page that may name any color scheme).
 */
export function plotSubsetModule(members: string[], sources: PlotExportSources, geo: boolean, extra?: string): string {
  const lines = members.map((member) => {
    const {file, name} = sources.exports.get(member)!;
    return `export {${name === member ? name : `${name} as ${member}`}} from ${JSON.stringify(toImportPath(file))};`;
  });
  const mark = sources.imports.get("Mark")!;
  const plot = sources.imports.get("plot")!;
  lines.push(
    `import {${mark.name} as Mark} from ${JSON.stringify(toImportPath(mark.file))};`,
    `import {${plot.name} as plot} from ${JSON.stringify(toImportPath(plot.file))};`,
    `Mark.prototype.plot ??= function (options = {}) {`,
    `  const {marks = [], ...rest} = options;`,
    `  return plot({...rest, marks: [...marks, this]});`,
    `};`
  );
  if (geo) lines.push(`import ${JSON.stringify(toImportPath(plotGeoModule))};`);
  if (extra !== undefined) lines.push(extra);
  return lines.join("\n") + "\n";
}

/** Vite resolves absolute file-system paths; on Windows they need forward slashes. */
export function toImportPath(file: string): string {
  return file.split(path.sep).join("/");
}
