/**
 * How a notebook splits into slides: at a Markdown `h1` or `h2` heading and at a `---` line (a
 * thematic break) in a Markdown cell. A slide holds the cells (or, when a split falls inside a
 * Markdown cell, the blocks of that cell) between two splits. Pure: the page reads its cells into
 * {@link SlideCell}s (see `readSlideCells`) and shows what this answers.
 */

/** One top-level block of a Markdown cell, as far as slides care. */
export type SlideBlock =
  /** An `h1` or `h2`: starts a slide and titles it. */
  | {kind: "heading"; text: string}
  /** A `---` line: ends a slide; not shown. */
  | {kind: "rule"}
  /** Anything else (paragraphs, lists, smaller headings...). */
  | {kind: "other"};

/** One cell of the notebook, in order, as the splitter sees it. */
export interface SlideCell {
  id: number;
  /** A Markdown cell's top-level blocks, in order; absent for other cells (one piece each). */
  blocks?: readonly SlideBlock[];
  /** A Markdown cell whose text starts with `Note:`: speaker notes, never on a slide. */
  note?: boolean;
  /**
   * Whether the cell shows anything to readers: false for a hidden cell and for one that ran and
   * displays nothing. A slide of such cells only would be blank, so they join the next slide.
   */
  visible: boolean;
}

/** What of a cell a slide shows: all of it, or a range of a Markdown cell's blocks. */
export interface SlidePiece {
  cell: number;
  /** `[from, to)` of the cell's blocks; absent: the whole cell. */
  blocks?: readonly [number, number];
}

/** One slide. */
export interface Slide {
  pieces: SlidePiece[];
  /** The ids of its speaker-note cells. */
  notes: number[];
  /** The text of its first `h1`/`h2`, if it has one. */
  title?: string;
}

/** The slides of a notebook's cells; a notebook without visible cells has none. */
export function splitSlides(cells: readonly SlideCell[]): Slide[] {
  const slides: Slide[] = [];
  let current: Slide = {pieces: [], notes: []};
  let visible = false;
  const split = () => {
    // Hidden cells and notes gathered so far stay with the next slide while nothing shows yet.
    if (!visible) return;
    slides.push(current);
    current = {pieces: [], notes: []};
    visible = false;
  };
  for (const cell of cells) {
    if (cell.note) {
      current.notes.push(cell.id);
      continue;
    }
    const blocks = cell.blocks;
    if (blocks === undefined || !blocks.some((block, i) => block.kind === "rule" || (block.kind === "heading" && i > 0))) {
      if (blocks?.[0]?.kind === "heading") split();
      current.pieces.push({cell: cell.id});
      current.title ??= blocks?.[0]?.kind === "heading" ? blocks[0].text : undefined;
      visible ||= cell.visible && (blocks === undefined || blocks.length > 0);
      continue;
    }
    let from = 0;
    const piece = (to: number) => {
      if (to <= from) return;
      current.pieces.push({cell: cell.id, blocks: [from, to]});
      visible ||= cell.visible;
    };
    blocks.forEach((block, i) => {
      if (block.kind === "other") return;
      piece(i);
      split();
      if (block.kind === "heading") {
        current.title ??= block.text;
        from = i;
      } else from = i + 1;
    });
    piece(blocks.length);
  }
  if (visible) slides.push(current);
  else if (slides.length > 0) {
    // Trailing hidden cells and notes belong to the last slide.
    const last = slides.at(-1)!;
    last.pieces.push(...current.pieces);
    last.notes.push(...current.notes);
  }
  return slides;
}

/** The slide that shows block `block` (default 0) of cell `cell`, or -1. */
export function slideOf(slides: readonly Slide[], cell: number, block = 0): number {
  return slides.findIndex((slide) =>
    slide.pieces.some((piece) => piece.cell === cell && (piece.blocks === undefined || (block >= piece.blocks[0] && block < piece.blocks[1])))
  );
}
