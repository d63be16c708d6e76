export {assertNever, invariant} from "./assert.ts";
export {CellSyntaxError, type SourcePosition} from "./errors.ts";
export {renderMarkdown} from "./markdown.ts";
