import {javascript} from "@codemirror/lang-javascript";
import {html} from "@codemirror/lang-html";
import {markdown} from "@codemirror/lang-markdown";
import {sql, StandardSQL} from "@codemirror/lang-sql";
import type {CompletionSource} from "@codemirror/autocomplete";
import {EditorState, Prec, type Extension} from "@codemirror/state";
import {EditorView, keymap} from "@codemirror/view";
import {basicSetup} from "codemirror";
import {codeHighlighting} from "./code-colors.ts";
import type {CellMode} from "../../notebook/index.ts";
import {KEYMAP} from "./keymap.ts";

/** The notebook's keys inside a code editor, in CodeMirror's notation ("Mod-Shift-Enter"). */
const notebookKeys = KEYMAP.filter((binding) => binding.scope !== "command").map(({keys}) => {
  const parts = keys.split("+");
  const key = parts.pop()!;
  const shift = parts.includes("Shift");
  const mod = parts.includes("Mod");
  const cmKey = key.length === 1 ? key.toLowerCase() : key;
  return {cm: [...(mod ? ["Mod"] : []), ...(shift ? ["Shift"] : []), cmKey].join("-"), key: cmKey, shift, mod};
});

/** What a cell's code editor reports and asks. */
export interface CellEditorSpec {
  mode: CellMode;
  source: string;
  /** Label for assistive technology, e.g. "Cell 3 (sql)". */
  label: string;
  /** Called with the whole source after every change made by the user. */
  onChange(source: string): void;
  /** Keys the notebook owns inside the editor (the bindings of `KEYMAP` that apply there). */
  onKey(key: {key: string; shift?: boolean; mod?: boolean}): boolean;
  /** Completion sources by language family. */
  completions: {js: CompletionSource; sql: CompletionSource};
}

/** One cell's CodeMirror editor. */
export interface CellEditor {
  readonly view: EditorView;
  /** Replaces the text (a change on disk, a restored version) without reporting it back. */
  setSource(source: string): void;
}

/** The language support and completion of a mode; plain text for modes we do not run. */
function languageOf(mode: CellMode, completions: CellEditorSpec["completions"]): Extension {
  const complete = (source: CompletionSource) => EditorState.languageData.of(() => [{autocomplete: source}]);
  switch (mode) {
    case "js":
    case "ojs":
      return [javascript(), complete(completions.js)];
    case "ts":
      return [javascript({typescript: true}), complete(completions.js)];
    case "sql":
      return [sql({dialect: StandardSQL, upperCaseKeywords: true}), complete(completions.sql)];
    case "md":
      return [markdown(), EditorView.lineWrapping];
    case "html":
      return [html(), EditorView.lineWrapping];
    case "tex":
    case "dot":
    case "node":
    case "python":
    case "r":
      return [];
  }
}

/** Creates a CodeMirror 6 editor for a cell inside `parent`. */
export function createCellEditor(spec: CellEditorSpec, parent: HTMLElement): CellEditor {
  let applying = false;
  const own = (key: string, shift = false, mod = false) => () => spec.onKey({key, shift, mod});
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: spec.source,
      extensions: [
        basicSetup,
        codeHighlighting,
        Prec.highest(keymap.of(notebookKeys.map(({cm, key, shift, mod}) => ({key: cm, run: own(key, shift, mod)})))),
        languageOf(spec.mode, spec.completions),
        EditorView.contentAttributes.of({"aria-label": spec.label}),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applying) spec.onChange(update.state.doc.toString());
        })
      ]
    })
  });
  return {
    view,
    setSource(source) {
      if (source === view.state.doc.toString()) return;
      applying = true;
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: source}});
      applying = false;
    }
  };
}
