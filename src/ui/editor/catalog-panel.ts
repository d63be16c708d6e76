import {EMPTY_CATALOG_DETAILS, sqlName, type CatalogDetails, type DuckDBClient, type TableDescription} from "../../data/index.ts";
import {createCatalogEntry, type CatalogEntry} from "./catalog-entry.ts";
import {element} from "./element.ts";
import {catalogRows, filterCatalogRows, starterSql, type CatalogRow} from "./catalog-rows.ts";

/** What the catalog panel needs from the editor. */
export interface CatalogPanelSpec {
  /** What the catalog says about its tables (loaded lazily). */
  details(): Promise<CatalogDetails>;
  /** The page's DuckDB (started on first use). */
  database(): Promise<DuckDBClient>;
  /** Adds a SQL cell with `source` below the selected cell and runs it. */
  insert(source: string): void;
  /** The panel opened or closed (the bar's Data button follows). */
  onToggle(open: boolean): void;
  /** Where the keyboard goes when the panel closes with the focus in it and no earlier place is left. */
  returnFocus(): void;
}

/** The data panel beside the notebook. */
export interface CatalogPanel {
  readonly isOpen: boolean;
  /** Opens the panel (listing the page's tables afresh, focus in its filter) or closes it. */
  toggle(): void;
  close(): void;
  destroy(): void;
}

/** The panel element's id (the bar's Data button controls it). */
export const catalogPanelId = "mapt-catalog";

/**
 * The catalog panel: every table the page's DuckDB knows. Catalog tables show their
 * description and verification at once; expanding one (→, or its arrow) shows its grain, row
 * count, columns with type, unit and meaning, and its sources with link, licence and
 * verification. The user's own tables follow with their columns. Enter or a click on a table's
 * name adds a starter query of it below the selected cell and runs it. ↑/↓ move between tables,
 * Esc closes. Command-mode keys do not reach the notebook while the panel has the focus.
 */
export function createCatalogPanel(spec: CatalogPanelSpec): CatalogPanel {
  const panel = document.createElement("aside");
  panel.className = "mapt-catalog";
  panel.id = catalogPanelId;
  panel.hidden = true;
  panel.setAttribute("aria-labelledby", `${catalogPanelId}-title`);
  const title = element("h2", "", "Data");
  title.id = `${catalogPanelId}-title`;
  const closeButton = document.createElement("button");
  closeButton.type = "button";
  closeButton.className = "mapt-catalog-close";
  closeButton.textContent = "Close";
  closeButton.title = "Close the data panel (Esc)";
  const header = document.createElement("header");
  header.append(title, closeButton);
  const hint = element("p", "mapt-catalog-hint", "↑↓ move between tables, → shows a table's columns and source, Enter adds a query of it below the selected cell, Esc closes.");
  const filter = document.createElement("input");
  filter.type = "search";
  filter.className = "mapt-catalog-filter";
  filter.placeholder = "Filter by table, column or unit";
  filter.setAttribute("aria-label", "Filter tables");
  const catalogStatus = element("p", "", "Loading the catalog…");
  const catalogList = document.createElement("ul");
  catalogList.setAttribute("aria-label", "Catalog tables");
  const userStatus = element("p", "", "");
  userStatus.setAttribute("aria-live", "polite");
  const userList = document.createElement("ul");
  userList.setAttribute("aria-label", "Your tables");
  const refresh = document.createElement("button");
  refresh.type = "button";
  refresh.textContent = "Refresh";
  refresh.title = "List the tables of the page's database again";
  const userHeading = element("div", "mapt-catalog-section-head");
  userHeading.append(element("h3", "", "Your tables"), refresh);
  for (const list of [catalogList, userList]) list.className = "mapt-catalog-list";
  panel.append(header, hint, filter, element("h3", "", "Catalog"), catalogStatus, catalogList, userHeading, userStatus, userList);
  document.body.append(panel);

  let details: CatalogDetails | undefined;
  let tables: TableDescription[] = [];
  let entries: CatalogEntry[] = [];
  let current = 0;
  let previousFocus: HTMLElement | undefined;
  const counts = new Map<string, Promise<number>>();

  const count = (table: string) => {
    const make = () => spec.database().then((db) => db.queryRow(`SELECT count(*) AS n FROM ${sqlName(table)}`)).then((row) => Number(row?.n));
    const inCatalog = details?.tables.some((t) => t.name === table) ?? false;
    if (!inCatalog) return make();
    if (!counts.has(table)) counts.set(table, make().catch((error: unknown) => (counts.delete(table), Promise.reject(error))));
    return counts.get(table)!;
  };
  const columns = (table: string) => spec.database().then((db) => db.describeColumns(table));
  const insert = (row: CatalogRow) => {
    if (row.kind === "catalog") return spec.insert(starterSql(row.name, row.columns.map((c) => c.name)));
    void columns(row.name).then(
      (found) => spec.insert(starterSql(row.name, found.map((c) => c.name))),
      () => spec.insert(starterSql(row.name, []))
    );
  };

  const visible = () => entries.filter((entry) => !entry.element.hidden);
  const focusEntry = (index: number) => {
    const shown = visible();
    const entry = shown[Math.max(0, Math.min(shown.length - 1, index))];
    if (!entry) return;
    for (const e of entries) e.button.tabIndex = e === entry ? 0 : -1;
    current = shown.indexOf(entry);
    entry.button.focus();
  };

  /** Shows the rows as of now; entries already built (and their fetched details) are kept. */
  const render = () => {
    const rows = catalogRows(details ?? EMPTY_CATALOG_DETAILS, tables);
    const byKey = new Map(entries.map((entry) => [`${entry.row.kind}:${entry.row.name}`, entry]));
    entries = rows.map((row) => byKey.get(`${row.kind}:${row.name}`) ?? createCatalogEntry(row, {count, columns, insert}));
    placeChildren(catalogList, entries.filter((e) => e.row.kind === "catalog").map((e) => e.element));
    placeChildren(userList, entries.filter((e) => e.row.kind === "user").map((e) => e.element));
    const shown = new Set(filterCatalogRows(rows, filter.value).map((row) => `${row.kind}:${row.name}`));
    for (const entry of entries) entry.element.hidden = !shown.has(`${entry.row.kind}:${entry.row.name}`);
    const focused = visible().find((entry) => entry.element.contains(document.activeElement));
    const tabStop = focused ?? visible()[Math.min(current, visible().length - 1)];
    for (const entry of entries) entry.button.tabIndex = entry === tabStop ? 0 : -1;
  };

  const listTables = () => {
    userStatus.textContent = "Asking the page's database…";
    void spec
      .database()
      .then((db) => db.describeTables())
      .then(
        (found) => {
          tables = found;
          render();
          const own = entries.filter((e) => e.row.kind === "user").length;
          userStatus.textContent = own ? "" : "None yet: tables made with CREATE TABLE or from an attached file show here.";
        },
        (error: unknown) => (userStatus.textContent = `The page's database did not start: ${error instanceof Error ? error.message : String(error)}`)
      );
  };

  const open = () => {
    previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    panel.hidden = false;
    document.body.classList.add("mapt-catalog-open");
    spec.onToggle(true);
    filter.focus();
    if (details === undefined) {
      void spec.details().then(
        (loaded) => {
          details = loaded;
          catalogStatus.textContent = loaded.tables.length ? "" : "This project has no data catalog.";
          render();
        },
        (error: unknown) => (catalogStatus.textContent = `Could not load the catalog: ${error instanceof Error ? error.message : String(error)}`)
      );
    }
    listTables();
  };

  const close = () => {
    if (panel.hidden) return;
    const hadFocus = panel.contains(document.activeElement);
    panel.hidden = true;
    document.body.classList.remove("mapt-catalog-open");
    spec.onToggle(false);
    if (!hadFocus) return;
    if (previousFocus?.isConnected && !panel.contains(previousFocus)) previousFocus.focus();
    else spec.returnFocus();
  };

  closeButton.addEventListener("click", close);
  refresh.addEventListener("click", listTables);
  filter.addEventListener("input", () => ((current = 0), render()));
  panel.addEventListener("keydown", (event) => {
    // Mod+ keys (save, palette) still reach the editor; the notebook's single keys do not.
    if (event.ctrlKey || event.metaKey) return;
    event.stopPropagation();
    const entry = entries.find((e) => e.element.contains(event.target as Node));
    const index = entry ? visible().indexOf(entry) : -1;
    const move = (to: number) => (event.preventDefault(), focusEntry(to));
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        return close();
      case "ArrowDown":
        return event.target === filter || entry ? move(index + 1) : undefined;
      case "ArrowUp":
        if (index === 0) return (event.preventDefault(), filter.focus());
        return entry ? move(index - 1) : undefined;
      case "Home":
      case "End":
        return entry && event.target === entry.button ? move(event.key === "Home" ? 0 : Infinity) : undefined;
      case "ArrowRight":
      case "ArrowLeft":
        if (!entry || event.target instanceof HTMLInputElement) return;
        event.preventDefault();
        entry.setExpanded(event.key === "ArrowRight");
        return focusEntry(index);
    }
  });

  return {
    get isOpen() {
      return !panel.hidden;
    },
    toggle: () => (panel.hidden ? open() : close()),
    close,
    destroy() {
      close();
      panel.remove();
    }
  };
}

/** Puts `children` in `parent` in order, moving only what is out of place: a focused entry keeps the focus. */
function placeChildren(parent: HTMLElement, children: readonly HTMLElement[]): void {
  children.forEach((child, i) => {
    if (parent.children[i] !== child) parent.insertBefore(child, parent.children[i] ?? null);
  });
  while (parent.children.length > children.length) parent.lastElementChild!.remove();
}
