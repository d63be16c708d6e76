/** What the speaker notes window shows for one slide. */
export interface NotesView {
  /** 1-based, and of how many. */
  number: number;
  count: number;
  title?: string;
  /** The next slide's title, if it has one. */
  next?: string;
  /** The rendered notes (elements of the presenting page; the window shows copies). */
  notes: readonly Element[];
}

/** The speaker notes window. */
export interface NotesWindow {
  show(view: NotesView): void;
  /** Closes the window (without reporting it as closed by the presenter). */
  close(): void;
}

const style = `
body { font: 18px/1.5 system-ui, sans-serif; margin: 0; padding: 1rem 1.25rem; background: #fdfdfc; color: #1d1d1b; }
header { display: flex; justify-content: space-between; color: #555; font-variant-numeric: tabular-nums; }
h1 { font-size: 1.3rem; margin: 0.5rem 0 1rem; }
.notes { font-size: 1.25rem; }
.none { color: #777; font-style: italic; }
footer { margin-top: 2rem; color: #555; border-top: 1px solid #ddd; padding-top: 0.5rem; }
`;

/**
 * Opens (or takes back) the speaker notes window: a blank page of this origin that the presenting
 * page fills and updates itself, so it needs no server and works offline. Keys pressed in it go
 * to `onKey` (answers whether it used the key); `onClosed` runs when the presenter closes it.
 * Answers undefined when the browser blocked the window.
 */
export function openNotesWindow(title: string, onKey: (event: KeyboardEvent) => boolean, onClosed: () => void): NotesWindow | undefined {
  const popup = window.open("", "mapt-speaker-notes", "popup,width=600,height=700");
  if (!popup) return undefined;
  const document = popup.document;
  document.title = `Speaker notes · ${title}`;
  const sheet = document.createElement("style");
  sheet.textContent = style;
  document.head.replaceChildren(sheet);
  const counter = document.createElement("span");
  counter.className = "counter";
  const clock = document.createElement("span");
  clock.className = "clock";
  const header = document.createElement("header");
  header.append(counter, clock);
  const heading = document.createElement("h1");
  const notes = document.createElement("div");
  notes.className = "notes";
  const footer = document.createElement("footer");
  document.body.replaceChildren(header, heading, notes, footer);

  const started = Date.now();
  const tick = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  };
  tick();
  const timer = setInterval(tick, 1000);
  let open = true;
  const stop = () => {
    const wasOpen = open;
    open = false;
    clearInterval(timer);
    return wasOpen;
  };
  // The presenter closed the window (not the page: see close()).
  const closed = () => {
    if (stop()) onClosed();
  };
  document.addEventListener("keydown", (event) => {
    if (onKey(event)) event.preventDefault();
  });
  popup.addEventListener("pagehide", closed);
  return {
    show(view) {
      counter.textContent = `Slide ${view.number} / ${view.count}`;
      heading.textContent = view.title ?? "";
      if (view.notes.length === 0) {
        const none = document.createElement("p");
        none.className = "none";
        none.textContent = "No notes for this slide. A Markdown cell that starts with “Note:” holds them.";
        notes.replaceChildren(none);
      } else notes.replaceChildren(...view.notes.map((note) => document.importNode(note, true)));
      footer.textContent = view.next === undefined ? (view.number === view.count ? "Last slide." : "") : `Next: ${view.next}`;
    },
    close() {
      stop();
      popup.close();
    }
  };
}
