import {Parser} from "acorn";
import {tsPlugin} from "@sveltejs/acorn-typescript";
const P = Parser.extend(tsPlugin());
const src = process.argv[2];
const ast = P.parse(src, {ecmaVersion: "latest", sourceType: "module", locations: true});
const strip = (n) => JSON.stringify(n, (k, v) => (k === "loc" ? undefined : v), 1);
console.log(strip(ast.body));
