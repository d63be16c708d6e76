import type {DuckDBClient} from "../data/index.ts";
import {readSources, sourceLine, type SourceRow} from "./cite.ts";
import {timelineCitations, type CitingEvent, type TimelineCitation} from "./timeline-citations.ts";

/** Options of the `bibliography` builtin. */
export interface BibliographyOptions {
  /**
   * The notebook's title: puts a "How to cite this notebook" section first, with the page's
   * address and today's date. Default: none (the references only).
   */
  title?: string;
  /** Catalog source ids to list, in this order. Default: every source in the `sources` table. */
  sources?: string[];
  /** Cases (ISO3 codes) whose timeline citations to list. Default: every case in the `events` table. */
  cases?: string[];
}

/** `bibliography(options)`: how to cite the notebook, and its data sources and timeline citations, with links. */
export type Bibliography = (options?: BibliographyOptions) => HTMLElement;

/** Reads the catalog's `sources` and `events` tables once and makes the `bibliography` builtin. */
export async function loadBibliography(db: DuckDBClient, document: Document): Promise<Bibliography> {
  const sources = await readSources(db);
  const events = (await db.query("SELECT event_id, case_iso3, source FROM events ORDER BY event_id")).toArray().map((row) => row.toJSON() as CitingEvent);
  return (options = {}) => {
    const references = renderBibliography(document, selectEntries(sources, events, options));
    if (options.title !== undefined) references.prepend(...howToCite(document, options.title, new Date()));
    return references;
  };
}

/** The entries a bibliography lists (pure): the chosen sources in order and the citations of the chosen cases. */
function selectEntries(sources: SourceRow[], events: CitingEvent[], options: BibliographyOptions): {data: SourceRow[]; timeline: TimelineCitation[]; eventCount: number} {
  const byId = new Map(sources.map((row) => [row.source_id, row]));
  const unknown = (options.sources ?? []).filter((id) => !byId.has(id));
  if (unknown.length) throw new Error(`bibliography: no source ${unknown.map((k) => `"${k}"`).join(", ")} in the sources table; there are ${[...byId.keys()].map((k) => `"${k}"`).join(", ")}`);
  const data = options.sources ? options.sources.map((id) => byId.get(id)!) : sources;
  const chosen = options.cases ? events.filter((e) => options.cases!.includes(e.case_iso3 ?? "")) : events;
  return {data, timeline: timelineCitations(chosen), eventCount: chosen.length};
}

/** The "How to cite this notebook" heading and line, then the heading of the references. */
function howToCite(document: Document, title: string, today: Date): HTMLElement[] {
  const heading = (text: string) => Object.assign(document.createElement("h2"), {textContent: text});
  const address = document.location?.href.replace(/[?#].*$/, "") ?? "";
  const line = document.createElement("p");
  const link = Object.assign(document.createElement("a"), {href: address, textContent: address});
  line.append("MAPT Notebooks, ", Object.assign(document.createElement("em"), {textContent: title}), " (notebook), ", link,
    `, read on ${today.toISOString().slice(0, 10)}. When you quote a figure, cite its data source too: the line under each chart names it, and the full citations follow.`);
  return [heading("How to cite this notebook"), line, heading("References")];
}

function renderBibliography(document: Document, entries: ReturnType<typeof selectEntries>): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const element = document.createElement(tag);
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const link = (href: string, text: string) => Object.assign(el("a", text), {href});
  const root = el("div");
  root.className = "mapt-bibliography";
  const data = el("ol");
  for (const row of entries.data) {
    const item = el("li");
    item.id = `source-${row.source_id}`;
    item.append(row.citation ?? sourceLine(row), " ");
    if (row.url) item.append(link(row.url, row.url), ". ");
    item.append(`Licence: ${row.licence ?? "not stated"}.`);
    if (!row.verified) item.append(" ", el("strong", "Not verified by the project"), `: ${row.notes ?? "see the sources table"}`);
    data.append(item);
  }
  root.append(el("p", "Data sources, as the catalog's sources table records them:"), data);
  if (entries.timeline.length) {
    const unverified = entries.timeline.filter((c) => c.unverified).length;
    const details = el("details");
    details.append(el("summary", `Works cited by the ${entries.eventCount} timeline events (${entries.timeline.length}; ${unverified} say a detail is unverified)`));
    const list = el("ul");
    for (const citation of entries.timeline) list.append(renderCitation(citation, el, link));
    details.append(list);
    root.append(details);
  }
  return root;
}

function renderCitation(
  citation: TimelineCitation,
  el: <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => HTMLElementTagNameMap[K],
  link: (href: string, text: string) => HTMLAnchorElement
): HTMLLIElement {
  const item = el("li");
  // The citation's text with each UN document symbol turned into a link to the document.
  let at = 0;
  for (const {symbol, url} of citation.documents) {
    const i = citation.text.indexOf(symbol, at);
    item.append(citation.text.slice(at, i), link(url, symbol));
    at = i + symbol.length;
  }
  item.append(citation.text.slice(at), ` (${citation.eventIds.length === 1 ? "event" : "events"} ${citation.eventIds.join(", ")})`);
  if (citation.unverified) item.append(" ⚠");
  return item;
}
