/** A timeline row as the `events` table gives it (the columns a bibliography needs). */
export interface CitingEvent {
  event_id: string;
  case_iso3?: string;
  /** One or more citations separated by ";". */
  source: string;
}

/** One work the timeline cites, with the events that cite it. */
export interface TimelineCitation {
  text: string;
  eventIds: string[];
  /** The citation itself says a detail could not be checked. */
  unverified: boolean;
  /** UN documents named in it, each with its address on the UN's document service. */
  documents: Array<{symbol: string; url: string}>;
}

/**
 * The distinct works cited by `events`, alphabetical, each with the ids of the events citing it.
 * A source field lists several works separated by ";" (a ";" inside parentheses stays part of
 * its work).
 */
export function timelineCitations(events: Iterable<CitingEvent>): TimelineCitation[] {
  const byText = new Map<string, TimelineCitation>();
  for (const event of events) {
    for (const text of splitCitations(event.source ?? "")) {
      let entry = byText.get(text);
      if (!entry) byText.set(text, (entry = {text, eventIds: [], unverified: /unverified/i.test(text), documents: unDocuments(text)}));
      if (!entry.eventIds.includes(event.event_id)) entry.eventIds.push(event.event_id);
    }
  }
  return [...byText.values()].sort((a, b) => a.text.localeCompare(b.text, "en"));
}

/** The works of one source field: split at ";" outside parentheses, trimmed, empty parts dropped. */
function splitCitations(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let part = "";
  for (const char of source) {
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    if (char === ";" && depth === 0) {
      parts.push(part);
      part = "";
    } else part += char;
  }
  parts.push(part);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * UN document symbols of the Security Council (S/...) and General Assembly and its Human Rights
 * Council (A/...): resolutions, presidential statements, meeting records, reports. Conference
 * room papers (CRP), press releases and other bodies' "S/" numbers (the OPCW's S/1731/2019) are
 * left out: the UN's document service does not hold them.
 */
const unSymbol = /\b(?:S\/(?:RES\/\d+ \(\d{4}\)|PRST\/\d{4}\/\d+|PV\.\d+|(?:19|20)\d{2}\/\d+)|A\/(?:HRC\/)?(?:RES\/)?(?:S-)?\d+\/\d+(?:\/Add\.\d+)?)(?![\w/.])/g;

/**
 * The UN documents a citation names, with their addresses on undocs.org, the UN's permanent
 * address for a document by its symbol ("https://undocs.org/" followed by the symbol, as the
 * UN document research guides describe it).
 */
function unDocuments(text: string): Array<{symbol: string; url: string}> {
  return [...text.matchAll(unSymbol)].map(([symbol]) => ({symbol, url: `https://undocs.org/${symbol.replace(" (", "(")}`}));
}
