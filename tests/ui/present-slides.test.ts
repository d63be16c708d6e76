import {describe, expect, it} from "vitest";
import {slideOf, splitSlides, type SlideBlock, type SlideCell} from "../../src/ui/present/index.ts";

const h = (text: string): SlideBlock => ({kind: "heading", text});
const p: SlideBlock = {kind: "other"};
const rule: SlideBlock = {kind: "rule"};
const md = (id: number, ...blocks: SlideBlock[]): SlideCell => ({id, blocks, visible: true});
const js = (id: number, visible = true): SlideCell => ({id, visible});
const note = (id: number): SlideCell => ({id, note: true, visible: true});

/** Each slide as the ids of its cells, a Markdown cell's block range written `id[from-to)`. */
const shape = (cells: SlideCell[]) =>
  splitSlides(cells).map((slide) => slide.pieces.map((piece) => (piece.blocks ? `${piece.cell}[${piece.blocks[0]}-${piece.blocks[1]})` : piece.cell)));

describe("splitSlides", () => {
  it("splitSlides starts a slide at each h1 and h2 heading cell", () => {
    expect(shape([md(1, h("Title"), p), js(2), md(3, h("Next")), js(4), md(5, p)])).toEqual([[1, 2], [3, 4, 5]]);
  });

  it("splitSlides splits at a --- cell and does not show it", () => {
    expect(shape([md(1, p), md(2, rule), md(3, p)])).toEqual([[1], [3]]);
  });

  it("splitSlides splits inside a Markdown cell at a heading or a --- line, and leaves the rule out", () => {
    expect(shape([md(1, h("A"), p, rule, p, h("B"), p)])).toEqual([["1[0-2)"], ["1[3-4)"], ["1[4-6)"]]);
  });

  it("splitSlides puts text before a cell's first heading on the slide before", () => {
    expect(shape([md(1, h("A")), md(2, p, h("B"), p)])).toEqual([[1, "2[0-1)"], ["2[1-3)"]]);
  });

  it("splitSlides keeps notes off the slides and lists them with the slide they follow", () => {
    const slides = splitSlides([md(1, h("A")), note(2), md(3, h("B")), note(4)]);
    expect(slides.map((slide) => slide.notes)).toEqual([[2], [4]]);
    expect(slides.flatMap((slide) => slide.pieces.map((piece) => piece.cell))).toEqual([1, 3]);
  });

  it("splitSlides makes no blank slides: hidden cells before a heading join its slide, trailing ones the last slide", () => {
    expect(shape([js(1, false), md(2, h("A")), md(3, rule), md(4, rule), md(5, h("B")), js(6, false)])).toEqual([[1, 2], [5, 6]]);
  });

  it("splitSlides titles each slide with its first h1 or h2", () => {
    expect(splitSlides([md(1, h("A"), p), md(2, p), md(3, rule), md(4, p)]).map((slide) => slide.title)).toEqual(["A", undefined]);
  });

  it("splitSlides answers no slides for a notebook that shows nothing", () => {
    expect(splitSlides([])).toEqual([]);
    expect(splitSlides([js(1, false), note(2)])).toEqual([]);
  });

  it("slideOf finds the slide showing a cell, or a block of a split cell", () => {
    const slides = splitSlides([md(1, h("A"), p, rule, p), js(2)]);
    expect([slideOf(slides, 1), slideOf(slides, 1, 3), slideOf(slides, 2), slideOf(slides, 9)]).toEqual([0, 1, 1, -1]);
  });
});
