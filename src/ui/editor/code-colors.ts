import {HighlightStyle, syntaxHighlighting} from "@codemirror/language";
import type {Extension} from "@codemirror/state";
import {tags as t} from "@lezer/highlight";

/** A colour for light pages and one for dark pages: CSS `light-dark()` follows the page's theme. */
const pair = (light: string, dark: string) => `light-dark(${light}, ${dark})`;

// Each pair reads at 4.5:1 or more on the code background of air (light) and midnight (dark).
const keyword = pair("#8250df", "#d2a8ff");
const text = pair("#0a3069", "#a5d6ff");
const quiet = pair("#57606a", "#9ba3ad");
const constant = pair("#0550ae", "#79c0ff");
const name = pair("#953800", "#ffa657");
const wrong = pair("#cf222e", "#ff7b72");

/**
 * Code colours that stay readable in light and dark themes (CodeMirror's default style is for
 * light pages only: its purple keywords and blue names fade on a dark background).
 */
export const codeHighlighting: Extension = syntaxHighlighting(
  HighlightStyle.define([
    {tag: [t.keyword, t.operatorKeyword, t.modifier, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: keyword},
    {tag: [t.string, t.special(t.string), t.regexp, t.url, t.link], color: text},
    {tag: [t.comment, t.meta, t.processingInstruction], color: quiet, fontStyle: "italic"},
    {tag: [t.number, t.bool, t.null, t.atom, t.literal, t.heading], color: constant},
    {tag: [t.propertyName, t.typeName, t.className, t.labelName, t.attributeName, t.tagName, t.function(t.variableName)], color: name},
    {tag: t.heading, fontWeight: "bold"},
    {tag: t.emphasis, fontStyle: "italic"},
    {tag: t.strong, fontWeight: "bold"},
    {tag: t.invalid, color: wrong}
  ])
);
