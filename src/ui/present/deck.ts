import "./present.css";
import {createDeckBar} from "./deck-bar.ts";
import {presentCommandOf, startPresentationState, transitionPresentation, type PresentEvent, type PresentState} from "./navigation.ts";
import {openNotesWindow, type NotesWindow} from "./notes-window.ts";
import {cellSections, markdownBlocks, readSlideCells} from "./read-cells.ts";
import {slideOf, splitSlides, type Slide, type SlidePiece} from "./slides.ts";

/**
 * Opens Edit mode on a slide's cells (their ids, in order) and answers how to end it when the
 * presenter goes back to the slides.
 */
export type SlideEditor = (cells: number[]) => Promise<() => void>;

/** What a presentation needs from the page. */
export interface DeckOptions {
  /** The element holding the cells' sections: it becomes the slide. */
  main: HTMLElement;
  /** The page's way to edit cells, if it has one yet (a built page without editing has none). */
  editor(): SlideEditor | undefined;
  /** Runs after the presentation ended and the notebook is back. */
  onEnd(): void;
  /** Start at the slide of this cell (default: the slide at the top of the window), and edit it at once. */
  at?: {cell: number; edit: boolean};
}

/** A presentation under way. */
export interface Deck {
  /** Ends the presentation, as Esc does. */
  end(): void;
}

/** Attributes the deck puts on the page's elements; all go when it ends. */
const marks = ["data-mapt-on-slide", "data-mapt-off-slide", "data-mapt-rule", "data-mapt-note", "data-mapt-slide-start"];

/**
 * Presents the notebook in place: the page's own cell elements become the slides (hidden when
 * not on the slide shown), so inputs keep working, charts react, and `width` follows the slide.
 * Keys are the presentation's while it lasts (see PRESENT_KEYMAP); the notebook's own keys
 * (Edit mode's included) wait, except while the presenter edits a slide.
 */
export function startDeck(options: DeckOptions): Deck {
  const {main} = options;
  const document = main.ownerDocument;
  const root = document.documentElement;
  const place = placeOf(main);
  let slides = splitSlides(readSlideCells(main));
  const given = options.at ? slideOf(slides, options.at.cell, 0) : -1;
  let state: PresentState = startPresentationState(slides.length, given >= 0 ? given : slideAtTop(main, slides));
  const firstIndex = state.index;
  let endEditing: (() => void) | undefined;
  let notes: NotesWindow | undefined;
  let ended = false;
  const title = document.title.replace(/ · MAPT Notebooks$/, "");

  const bar = createDeckBar(document, (command) => dispatch({type: "command", command}));
  root.classList.add("mapt-presenting");
  const tabIndex = main.getAttribute("tabindex");
  main.tabIndex = -1;
  main.scrollTop = 0;

  /** Marks which elements the current slide shows, and where each slide starts (for print). */
  const mark = () => {
    for (const name of marks) for (const element of main.querySelectorAll(`[${name}]`)) element.removeAttribute(name);
    const sections = new Map(cellSections(main).map((section) => [Number(section.dataset.cellId), section]));
    slides.forEach((slide, index) => {
      slide.notes.forEach((id) => sections.get(id)?.setAttribute("data-mapt-note", ""));
      slide.pieces.forEach((piece, n) => {
        const section = sections.get(piece.cell);
        if (!section) return;
        const blocks = piece.blocks && markdownBlocks(section);
        if (index > 0 && n === 0) (blocks?.[piece.blocks![0]] ?? section).setAttribute("data-mapt-slide-start", "");
        if (index !== state.index) return;
        section.setAttribute("data-mapt-on-slide", "");
        blocks?.forEach((block, k) => {
          if (k < piece.blocks![0] || k >= piece.blocks![1]) block.setAttribute("data-mapt-off-slide", "");
        });
      });
    });
    for (const section of sections.values()) for (const block of section.dataset.mode === "md" ? markdownBlocks(section) : []) {
      if (block.tagName === "HR") block.setAttribute("data-mapt-rule", "");
    }
  };

  /** Whether the slide is taller than the screen, and whether part of it is below. */
  const measure = () => {
    const overflows = main.scrollHeight > main.clientHeight + 1;
    const more = overflows && main.scrollTop + main.clientHeight < main.scrollHeight - 1;
    main.classList.toggle("mapt-slide--overflows", overflows);
    // The flag stays on the slide's first cell after the presentation, for the author in Edit mode.
    const first = slides[state.index]?.pieces[0];
    if (first) main.querySelector(`:scope > #cell-${first.cell}`)?.toggleAttribute("data-mapt-slide-overflows", overflows);
    bar.update(state, overflows, more);
  };

  const showNotes = () => {
    if (!notes) return;
    const slide: Slide | undefined = slides[state.index];
    const sections = (slide?.notes ?? []).flatMap((id) => [...main.querySelectorAll(`:scope > #cell-${id} > .mapt-cell-output`)]);
    notes.show({number: slide ? state.index + 1 : 0, count: state.count, title: slide?.title, next: slides[state.index + 1]?.title, notes: sections});
  };

  const render = () => {
    mark();
    for (const section of cellSections(main)) resized.observe(section);
    root.dataset.maptPresentPhase = state.phase;
    measure();
    showNotes();
  };

  /** Splits the notebook again (it changed), keeping the slide that shows. */
  const resplit = () => {
    const anchor: SlidePiece | undefined = slides[state.index]?.pieces[0];
    slides = splitSlides(readSlideCells(main));
    const index = anchor ? slideOf(slides, anchor.cell, anchor.blocks?.[0]) : -1;
    state = transitionPresentation(state, {type: "slides", count: slides.length, index: index < 0 ? state.index : index});
    render();
  };

  const dispatch = (event: PresentEvent) => {
    if (ended) return;
    const previous = state;
    state = transitionPresentation(state, event);
    if (state.phase === "ended") return end();
    if (state.index !== previous.index) main.scrollTop = 0;
    if (state.notes && !notes) {
      notes = openNotesWindow(title, (event) => onKey(event), () => {
        notes = undefined;
        dispatch({type: "notesClosed"});
      });
      if (!notes) {
        state = {...state, notes: false};
        bar.say("The browser blocked the notes window: allow pop-ups for this page, then press S again.");
      }
    } else if (!state.notes && notes) {
      notes.close();
      notes = undefined;
    }
    if (state.phase === "editing" && previous.phase !== "editing") startEditing();
    if (state.phase !== "editing" && previous.phase === "editing") {
      endEditing?.();
      endEditing = undefined;
      main.focus();
      return resplit();
    }
    render();
  };

  const startEditing = () => {
    const editor = options.editor();
    const cells = [...new Set(slides[state.index]?.pieces.map((piece) => piece.cell))];
    if (!editor) {
      state = {...state, phase: "slides"};
      return bar.say("This page cannot be edited here.");
    }
    editor(cells).then(
      (end) => {
        if (state.phase === "editing" && !ended) endEditing = end;
        else end();
      },
      (error: unknown) => {
        bar.say(`Could not open the editor: ${error instanceof Error ? error.message : String(error)}`);
        if (state.phase === "editing") dispatch({type: "command", command: "edit"});
      }
    );
  };

  /** One key, from this page or the notes window; answers whether the presentation used it. */
  const onKey = (event: KeyboardEvent): boolean => {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
    const target = event.target as HTMLElement | null;
    if (state.phase === "editing") {
      if (event.key !== "Escape" || target?.closest?.(".cm-editor, input, textarea, select, [contenteditable]")) return false;
    } else if (event.key !== "Escape") {
      // A slider's arrows move the slider; Enter and Space press the focused button.
      if (target?.matches?.("input, textarea, select, [contenteditable]")) return false;
      if (target?.closest?.("button, a, summary") && (event.key === "Enter" || event.key === " ")) return false;
    }
    if (state.phase !== "editing" && presentCommandOf({key: event.key, shift: event.shiftKey}) === undefined) return false;
    dispatch({type: "key", key: event.key, shift: event.shiftKey});
    return true;
  };
  const listener = (event: KeyboardEvent) => {
    if (document.querySelector("dialog[open]")) return;
    if (onKey(event)) {
      event.preventDefault();
      event.stopPropagation();
    } else if (state.phase === "slides" && !(event.target as HTMLElement | null)?.matches?.("input, textarea, select, [contenteditable]")) {
      // Nothing else on the page acts on keys while slides show (Edit mode's B would add a cell).
      event.stopPropagation();
    }
  };
  window.addEventListener("keydown", listener, true);

  // Cells that run again, an edit, a chart drawn at the new width: split again and measure.
  let queued = false;
  const changed = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      if (!ended) resplit();
    });
  });
  changed.observe(main, {childList: true, subtree: true});
  const resized = new ResizeObserver(() => measure());
  resized.observe(main);
  const scrolled = () => measure();
  main.addEventListener("scroll", scrolled, {passive: true});

  const end = () => {
    if (ended) return;
    ended = true;
    state = {...state, phase: "ended"};
    window.removeEventListener("keydown", listener, true);
    main.removeEventListener("scroll", scrolled);
    changed.disconnect();
    resized.disconnect();
    endEditing?.();
    notes?.close();
    bar.remove();
    const slide = slides[state.index];
    for (const name of marks) for (const element of main.querySelectorAll(`[${name}]`)) element.removeAttribute(name);
    main.classList.remove("mapt-slide--overflows");
    root.classList.remove("mapt-presenting");
    delete root.dataset.maptPresentPhase;
    if (tabIndex === null) main.removeAttribute("tabindex");
    else main.setAttribute("tabindex", tabIndex);
    // Back where the reader was; or, after moving through the slides, at the slide's start.
    if (state.index === firstIndex || !slide) returnTo(place);
    else scrollToPiece(main, slide.pieces[0]);
    const url = new URL(location.href);
    if (url.searchParams.has("present")) {
      url.searchParams.delete("present");
      history.replaceState(history.state, "", url);
    }
    options.onEnd();
  };

  render();
  main.focus({preventScroll: true});
  if (options.at?.edit) dispatch({type: "command", command: "edit"});
  return {end};
}

/** The slide that shows the first cell (or block) at the top of the window now. */
function slideAtTop(main: HTMLElement, slides: readonly Slide[]): number {
  const top = topOfView(main);
  for (const section of cellSections(main)) {
    if (section.hidden || section.getBoundingClientRect().bottom <= top) continue;
    const id = Number(section.dataset.cellId);
    const blocks = section.dataset.mode === "md" ? markdownBlocks(section) : [];
    const block = Math.max(0, blocks.findIndex((b) => b.getBoundingClientRect().bottom > top));
    const index = slideOf(slides, id, block);
    if (index >= 0) return index;
  }
  return 0;
}

/** Where the reader is: the first element at the top of the window, and how far from the top. */
interface Place {
  element?: HTMLElement;
  top: number;
  scrollY: number;
}

function placeOf(main: HTMLElement): Place {
  const top = topOfView(main);
  const element = cellSections(main).find((section) => !section.hidden && section.getBoundingClientRect().bottom > top);
  return {element, top: element?.getBoundingClientRect().top ?? 0, scrollY: window.scrollY};
}

/**
 * Scrolls back to `place`, by its element rather than by the old scroll offset: cells drawn at
 * the slide's width are not yet redrawn at the column's, so the page above may be shorter now
 * (and the browser's scroll anchoring keeps the element in place as they grow back).
 */
function returnTo(place: Place): void {
  if (!place.element?.isConnected) return window.scrollTo(0, place.scrollY);
  window.scrollTo(0, place.element.getBoundingClientRect().top + window.scrollY - place.top);
}

/** Below the page's sticky bar. */
function topOfView(main: HTMLElement): number {
  return main.ownerDocument.querySelector(".mapt-bar")?.getBoundingClientRect().bottom ?? 0;
}

function scrollToPiece(main: HTMLElement, piece: SlidePiece | undefined): void {
  if (!piece) return;
  const section = main.querySelector<HTMLElement>(`:scope > #cell-${piece.cell}`);
  if (!section) return;
  const element = (piece.blocks && markdownBlocks(section)[piece.blocks[0]]) || section;
  window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - topOfView(main) - 8);
}
