// The SQL result view needs only Inputs' table: a built page imports just its module (src/vite/import-redirects.ts).
export {table} from "@observablehq/inputs";
