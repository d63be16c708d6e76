// The session's lazily loaded chunk: the compiler comes with it, so built readers never load it.
export {startSession} from "./notebook-session.ts";
export {chooseVersion} from "./dialogs.ts";
export {cellFiles} from "./cell-files.ts";
