/**
 * What Arrow's generated flatbuffers tables (`apache-arrow/fb/*`) use of the `flatbuffers`
 * package they import whole: one constant. The build points their import here
 * (src/vite/import-redirects.ts), so that a reader page, which reads Arrow metadata through those
 * tables, does not download flatbuffers' Builder (the writing half, ~1.5 kB gzip); Arrow's writers
 * import it themselves. tests/vite/import-redirects.test.ts checks the tables use nothing else.
 */
export {SIZE_PREFIX_LENGTH} from "flatbuffers/mjs/constants.js";
