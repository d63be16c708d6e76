import type {CatalogColumn, CatalogSource, ColumnDescription} from "../../data/index.ts";
import {assertNever} from "../../shared/index.ts";
import type {CatalogRow, CatalogTableRow, Verification} from "./catalog-rows.ts";
import {element as node} from "./element.ts";
import {icon} from "./icons.ts";

/** What one table's entry asks of the panel. */
export interface CatalogEntryActions {
  /** The table's row count (`count(*)`). */
  count(table: string): Promise<number>;
  /** The columns DuckDB reports for a table of the user's. */
  columns(table: string): Promise<ColumnDescription[]>;
  /** Adds a starter query of the table below the selected cell and runs it. */
  insert(row: CatalogRow): void;
}

/** One table in the catalog panel: its name (inserts a query), a disclosure with its details. */
export interface CatalogEntry {
  readonly row: CatalogRow;
  readonly element: HTMLLIElement;
  /** The table-name button: the entry's place in the panel's keyboard order. */
  readonly button: HTMLButtonElement;
  readonly expanded: boolean;
  /** Shows or hides the details; showing them counts the rows (and lists a user table's columns). */
  setExpanded(expanded: boolean): void;
}

let entries = 0;

/** Builds the entry of `row`; its details fill in when first expanded. */
export function createCatalogEntry(row: CatalogRow, actions: CatalogEntryActions): CatalogEntry {
  const detailsId = `mapt-catalog-details-${++entries}`;
  const element = node("li", "mapt-catalog-table");
  element.dataset.table = row.name;
  const toggle = node("button", "mapt-catalog-toggle");
  toggle.type = "button";
  toggle.tabIndex = -1;
  toggle.append(icon("down"));
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", detailsId);
  toggle.setAttribute("aria-label", `Columns and source of ${row.name}`);
  toggle.title = "Show columns, row count and source (→)";
  const button = node("button", "mapt-catalog-insert", row.name);
  button.type = "button";
  button.tabIndex = -1;
  button.title = `Add a query of ${row.name} below the selected cell and run it`;
  button.addEventListener("click", () => actions.insert(row));
  const head = node("div", "mapt-catalog-head");
  head.append(toggle, button);
  head.append(row.kind === "catalog" ? flag(row.verification) : node("span", "mapt-catalog-kind", row.type === "view" ? "view" : "table"));
  element.append(head);
  if (row.kind === "catalog" && row.description) element.append(node("p", "mapt-catalog-description", row.description));

  const details = node("div", "mapt-catalog-details");
  details.id = detailsId;
  details.hidden = true;
  element.append(details);
  let filled = false;
  const entry: CatalogEntry = {
    row,
    element,
    button,
    get expanded() {
      return !details.hidden;
    },
    setExpanded(expanded) {
      details.hidden = !expanded;
      toggle.setAttribute("aria-expanded", String(expanded));
      element.classList.toggle("mapt-catalog-table--open", expanded);
      if (!expanded) return;
      // Catalog tables do not change: count them once. A user's table may have, so ask again.
      if (!filled || row.kind === "user") fillDetails(details, row, actions);
      filled = true;
    }
  };
  toggle.addEventListener("click", () => entry.setExpanded(!entry.expanded));
  return entry;
}

function fillDetails(details: HTMLElement, row: CatalogRow, actions: CatalogEntryActions): void {
  const rows = node("span", "mapt-catalog-rows", "Counting rows…");
  rows.setAttribute("aria-live", "polite");
  const facts = node("p", "mapt-catalog-facts");
  if (row.kind === "catalog" && row.grain) facts.append(`${capitalise(row.grain)} · `);
  facts.append(rows);
  void actions.count(row.name).then(
    (n) => (rows.textContent = `${n.toLocaleString("en-US")} row${n === 1 ? "" : "s"}`),
    (error: unknown) => (rows.textContent = `Could not count the rows: ${error instanceof Error ? error.message : String(error)}`)
  );
  switch (row.kind) {
    case "catalog":
      return details.replaceChildren(facts, columnTable(row.columns), ...sourceList(row));
    case "user": {
      const columns = node("p", "mapt-catalog-loading", "Listing the columns…");
      details.replaceChildren(facts, columns);
      void actions.columns(row.name).then(
        (found) => columns.replaceWith(columnTable(found.map((c) => ({name: c.name, type: c.type, unit: undefined, description: ""})))),
        (error: unknown) => (columns.textContent = `Could not list the columns: ${error instanceof Error ? error.message : String(error)}`)
      );
      return;
    }
    default:
      return assertNever(row, "catalog row");
  }
}

function columnTable(columns: readonly CatalogColumn[]): HTMLTableElement {
  const table = node("table", "mapt-catalog-columns");
  table.createCaption().textContent = "Columns";
  const head = table.createTHead().insertRow();
  for (const label of ["Column", "Type", "Unit", "Meaning"]) {
    const th = node("th", "", label);
    th.scope = "col";
    head.append(th);
  }
  const body = table.createTBody();
  for (const column of columns) {
    const tr = body.insertRow();
    tr.dataset.column = column.name;
    const name = node("th", "", column.name);
    name.scope = "row";
    tr.append(name);
    tr.insertCell().textContent = column.type;
    tr.insertCell().textContent = column.unit ?? "";
    tr.insertCell().textContent = column.description;
  }
  return table;
}

function sourceList(row: CatalogTableRow): HTMLElement[] {
  const heading = node("h4", "", row.sources.length === 1 ? "Source" : "Sources");
  if (row.sources.length === 0) {
    const own = node("p", "mapt-catalog-licence", [row.licence && `Licence: ${row.licence}.`, row.citation].filter(Boolean).join(" ") || "No source listed.");
    return [heading, own];
  }
  const list = node("ul", "mapt-catalog-sources");
  list.append(...row.sources.map(sourceItem));
  return [heading, list];
}

function sourceItem(source: CatalogSource): HTMLLIElement {
  const item = node("li", "mapt-catalog-source");
  item.dataset.source = source.id;
  const title = [source.publisher, source.dataset].filter(Boolean).join(": ") + (source.version ? ` (${source.version})` : "");
  if (source.url) {
    const link = node("a", "", title);
    link.href = source.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    item.append(link);
  } else item.append(node("span", "", title));
  item.append(" ", flag(source.verified ? "verified" : "unverified"));
  if (source.licence) item.append(node("p", "mapt-catalog-licence", `Licence: ${source.licence}`));
  if (source.citation) item.append(node("p", "mapt-catalog-citation", `Cite: ${source.citation}`));
  if (source.notes) item.append(node("p", "mapt-catalog-notes", source.notes));
  return item;
}

const flagText: Record<Verification, string> = {
  verified: "Verified source",
  "partly verified": "Some sources unverified",
  unverified: "Unverified: check before citing",
  "no source listed": "No source listed"
};

function flag(verification: Verification): HTMLElement {
  const badge = node("span", "mapt-catalog-flag", flagText[verification]);
  badge.dataset.verification = verification;
  return badge;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
