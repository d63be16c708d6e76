import {describe, expect, it} from "vitest";
import {parse} from "../../src/stdlib/js-parser.ts";
import {expectBothReject, expectSameTree} from "./same-tree.ts";

// Every expression form, and the statements generated code runs, as people and Arquero write them.
const expressions = [
  // numbers in every notation
  "0; 42; 3.14; .5; 5.; 1e3; 1E-3; 2.5e+10; 1e400; 0.0000001",
  "0x1F; 0XfF; 0o17; 0O7; 0b101; 0B1; 017; 0777; 08; 09.5; 019",
  "1_000_000; 0x_ff_ff".replace("0x_ff_ff", "0xff_ff") + "; 1_0.0_1e1_0; 0b1_0",
  "1n; 0n; 0x1fn; 0b1n; 0o7n; 123456789012345678901234567890n; 1_000n",
  "5..toString(); 5 .toString(); 1.5.toFixed(1)",
  // strings and their escapes
  `'a'; "b\\"c"; 'it\\'s'; "\\n\\t\\r\\b\\f\\v\\0"; '\\x41\\u0042\\u{1F600}\\u{10FFFF}'`,
  `"\\101\\7\\08\\377\\400\\8\\9"; 'line\\\ncontinued'; "a\\\r\nb"; "\u2028\u2029"; '\\q\\é'`,
  // templates
  "`plain`; `a${b}c`; `${a}${b}`; ``; `a${`b${c}`}d`; `\\n\\u0041\\x41${x}\\``; `$`; `$${a}`; `{}`",
  "`multi\nline\r\nCRLF\rCR`",
  "tag`a${b}c`; a.b`x`; f()`y`; String.raw`\\u \\x \\01`",
  // regular expressions, and division by context
  "/a/; /[/]/g; /\\//i; x = /=/; /(?<year>\\d{4})-\\k<year>/u; f(/x/, /y/m); [/a/]; !/b/.test(c); /a/dgimsy",
  "a / b / c; a /= 2; (1) / 2; [] / 1; x++ / 2; a.b / c; this / 2; `x` / 2; 1 /2/ 3",
  "a\n/b/g",
  "{} /x/",
  "x = y / z\n/w/i.test(v)",
  // names
  "ünïcode; $; _; $_1; ℮; a.if.class.new; let; yield; await; async; of; get; set; static",
  "constructor; toString(); hasOwnProperty = 1; __proto__; valueOf.call(x)",
  "async in x; async instanceof X; async(x); async\nfunction f() {}; x = async; async = 1",
  // operators: precedence and associativity
  "a + b * c - d / e % f; a * b + c; (a + b) * c",
  "a ** b ** c; (-a) ** b; a ** -b; (a ** b) ** c; 2 * 3 ** 2; ++a ** 2; a-- ** 2",
  "a << b >> c >>> d; a < b <= c > d >= e; a instanceof B in c; a == b != c === d !== e",
  "a & b | c ^ d & e; a && b || c && d; a ?? b ?? c; (a || b) ?? c; a ?? (b && c); (a ?? b) || c",
  "!a; ~a; +a; -a; typeof a; void 0; delete a.b; delete a[b]; ++a; --a.b; a++; a[b]--",
  "- -a; a+ +b; a - -b; !!a; typeof typeof a; -(-a); + + +a; a+++b; a---b",
  "a ? b : c ? d : e; a ? b ? c : d : e; a ? b = 1 : c = 2; (a, b) ? c : d",
  "a = b = c; a += 1; a -= 1; a *= 2; a /= 2; a %= 2; a **= 2; a <<= 1; a >>= 1; a >>>= 1; a &= 1; a |= 1; a ^= 1",
  "a &&= b; a ||= b; a ??= b; a.b ??= c; a[0] ||= d",
  "[(a)] = b; [(a.b)] = c; ({a: (b)} = c); [...(a)] = b; ({...(a)} = b); [((a))] = 1; a = (b) = c; (a) += 1; (a.b) ||= 1",
  "[a, b] = [b, a]; ({a, b: {c}} = o); [a.b, c[d]] = e; ({a = 1} = {}); [x = 1, ...y] = z; (a) = 1; (a.b) = 2",
  "({a: {b = 2} = {}, ...rest} = o); [[a], {b}, , c = d] = e; ({__proto__: a, __proto__: b} = c); [...a.b] = c; ({...a.b} = c)",
  "a, b, c; (a, b); ((a)); (((a, b)))",
  // members, calls, new
  "a.b.c; a[b][c]; a['b'](c); f()(); f(a,); f(...a, b, ...c); a.b.c(d)(e)[f]",
  "a?.b; a?.[b]; a?.(); a?.b(); (a?.b).c; a?.b?.c; a?.b.c(d)?.[e]; (a?.b)(); (a?.b)`x`.length",
  "new A; new A(); new A.B(c); new A.B.C(1)(2); new (f())(); new new A()(); new A().b; new (a.b.c); new A()?.b",
  // arrow functions
  "() => 1; x => x; (x) => x; (x, y) => x + y; (a, b,) => a; async => async",
  "(x = 1, {y, z: [w] = []}, [v, , u = 2], ...rest) => {}; ({a, b: [c]}) => a; ([a] = [1]) => a",
  "x => ({a: x}); x => y => z; (x => x)(1); () => {}; x => { return x }; x => { x }; () => () => {}",
  "f(x => x, (y) => y); a ? x => x : y => y; a || (x => x); x => x ? 1 : 2; x => a = x",
  // function expressions
  "(function () {}); (function f(a, b = 2, ...c) { return a }); (function ({a}, [b]) {}); (function (a, a) {})",
  // object and array literals
  "({}); ({a: 1, 'b': 2, 3: 4, [d]: 5, e, ...f, 0x10: 6, 1n: 7, 1.5: 8, \"__proto__\": null})",
  "({g() {}, get h() { return 1 }, set h(v) {}, get: 1, set: 2, async: 3, get() {}, set() {}, async() {}, get [k]() {}, 'm'() {}, 2() {}})",
  "({if: 1, class: 2, new: 3, get, set, async, of, let}); ({a, b,}); ({__proto__: null, ['__proto__']: 1, __proto__() {}})",
  "[]; [,]; [,,]; [1,,2]; [1,]; [...a, ...b]; [a, ...b, c]; [[]]; [{}]",
  "this; null; true; false; undefined; this.a",
];

const statements = [
  "var a = 1, b; let [c, , d] = e; const {f: {g}, ...h} = i; let j\nlet k; var [l = 1] = m, {n} = o",
  "if (a) b; else c; if (a) {} else if (b) {} else {} if (a) function f() {}",
  "for (;;) {} for (var i = 0, n = a.length; i < n; ++i) s += a[i]; for (i = 0; i < 10; i++); for (let i = 0, j; ; ) break",
  "for (const x = (a in b); x;) break; for (var x = y => (y in z);;) break",
  "while (a) b(); while (a) { if (b) break; continue }; do x++; while (x < 5) do {} while (a) b()",
  "switch (a) { case 1: case 2: b(); break; default: c(); case 3: { d() } } switch (a) {} switch (a) { default: }",
  "function f() { return } function g() { return\n1 } function h() { return 1; } (function () { throw new Error('x') })",
  "{ } ; ;; { a; b } { let a = 1 }",
  // automatic semicolon insertion
  "a\nb\nc",
  "a = b\n(c)",
  "a\n++b",
  "i\n++\nj",
  "return_ = 1\n[1, 2].forEach(f)",
  "x => x\n(y)",
  "let x = 1\nlet y = 2\nconst z = x => x * 2\nz(y)",
  "function f() { return a\n+ b }",
  "do x(); while (a) y()",
  "if (a) b\nelse c",
  "var a = 1\n, b = 2",
  "a\n?.5:1",
  "throw a\nb",
  // comments
  "a /* c */ + b // d\n/** multi\nline */ c /* , */",
  "a <!-- b\nc",
  "--> comment at the start\na\n  --> and after a line break\nb /*\n*/ --> after a comment with a line break",
  // directives
  "'a'; \"b\"; c; 'd'",
  "('a'); 'b'",
  "function f() { 'ok'; \"fine\"; return 1 } x => { 'directive'; return x }",
  // names declared again where JavaScript allows it
  "var a; var a; function f() {} function f() {} var f; { function g() {} function g() {} } function h(a) { var a; function a() {} }",
  "let a; { let a } { let a } for (let i;;) { let i; break } (function a() { let a }); x => { var x }; switch (a) { case 1: { let b } }",
  // strict mode
  "'use strict'; 1; '\\0'; x = {static: 1, let: 2, yield: 3}.static; delete x.y",
  "function f() { 'a'; \"use strict\"; return this } 017; '\\1'; x => { 'use strict'; return x }",
  "function f(a, b) { 'use strict'; function g() { return 10 } } 'use strict'",
  // as Arquero writes functions
  "(function (fn,$) {\n\"use strict\"; return (row,data,op)=>fn.upper(data.x.at(row)) ?? $.y;\n})",
  "(function (row,data,op) {\nconst x = data.a.at(row); return x == null ? null : x + 1;\n})",
  "(function (r,d,$,fn,op) {\nreturn {a:fn.lower(d.x.at(r)),b:op(\"0\",r)};\n})",
];

const invalid = [
  "a +", "(", ")", "a b", "1 = 2", "a?.b = 1", "a?.b++", "++a?.b", "-a ** b", "typeof a ** 2", "a ?? b || c", "a || b ?? c", "a && b ?? c",
  "({a = 1})", "f({a = 1})", "({a = 1}).b = 1", "[...a, b] = c", "[...a,] = c", "(...a, b) => 1", "(...a) + 1", "(a, b)\n=> 1", "x\n=> 1", "()", "(a,)",
  "'unterminated", "'line\nbreak'", "`unterminated", "`${a`", "/unterminated", "/a\n/", "/a/gg", "/a/x", "/(/", "/a/uv",
  "3in x", "0b12", "0x", "0o8", "1__0", "1_", "0_1", "08n", "1.5n", "1e", "1e+", "'\\x4'", "'\\u{110000}'", "'\\u12'", "`\\x4`", "`\\01`", "`\\8`",
  "break", "continue", "return 1", "while (a) function f() {}", "if (a) let x = 1", "while (a) const x = 1", "const a;", "const a = 1, b;", "let {a};", "var [b];",
  "switch (a) { default: default: }", "switch (a) { b }", "throw\na", "(a, a) => 1", "(a, [a]) => 1", "function f(a, [a]) {}", "({get x(a) {}})", "({set x() {}})",
  "({set x(...a) {}})", "new a?.b()", "a?.b`c`", "({a: 1} = 1)", "[a + b] = c", "({...{a}} = b)", "({...[a]} = b)", "x = {__proto__: 1, __proto__: 2}", "let let = 1",
  "var if = 1", "a.b => 1", "((a)) => 1", "(a.b) => 1", "([a.b]) => 1", "({a: b.c}) => 1", "({a}) = 1", "([a]) = 1", "a => {} ? 1 : 2", "a => {}.x", "a => {} + 1",
  "a\n++", "for (var x = y => y in z;;) break", "a?.b`x`", "for (;;) let\n[a] = b", "do a while (b)", "f(...)", "[...]", "a.", "a[]", "a?.", "new", "({a:})", "({,})", "{a: 1, b: 2}", "x = {a b}",
  "'use strict'; 017", "'use strict'; 08", "'use strict'; '\\1'", "'use strict'; '\\8'", "'use strict'; delete x", "'use strict'; var static = 1",
  "'use strict'; eval = 1", "'use strict'; function f(a, a) {}", "function f(a, a) { 'use strict' }", "function f(a = 1) { 'use strict' }",
  "function f(eval) { 'use strict' }", "'use strict'; if (a) function f() {}", "'use strict'; ({eval} = a)", "'use strict'; [arguments] = a",
  "'use strict'; arguments++", "function f() { 'use strict'; 010 }", "'use strict'; (eval) => 1", "'use strict'; let yield", "x => { 'use strict'; yield }", "function f() { 'use strict'; function g() { return 010 } }",
  "let a; let a", "let a; var a", "var a; let a", "const a = 1; function a() {}", "function f(a) { let a }", "(a) => { const a = 1 }", "{ let a; { var a } }",
  "switch (x) { case 1: let a; case 2: let a }", "for (let i;;) { var i }", "'use strict'; { function f() {} function f() {} }", "{ function f() {} let f }",
  "let [a, a] = b", "let {a, b: {a}} = c", "function f([a], a) {}", "x => { let x }", "{ var a; let a }",
  "a 'in' b", "a \"instanceof\" b", "a '+' b", "'typeof' a", "a '=' b",
  "({m(a, a) {}})", "({set x([a, a]) {}})",
  "[(a = 1)] = b", "({a: ([b])} = c)", "((a = 1)) => 1", "([(a)]) => 1", "(((a), b) => 1)",
  "a @ b", "\u0000", "if (a) else b", "for (a; b) c", "a ? b", "a ? b :", "{", "}", "function () {}", "function f {}", "(a =) => 1", "`${}`",
];

// Syntax outside what the two users need fails, naming itself, where acorn gives a tree.
const unsupported: Array<[string, string]> = [
  ["class A {}", "class"],
  ["x = class {}", "class"],
  ["function* g() {}", "generator functions"],
  ["(function* () {})", "generator functions"],
  ["async function f() {}", "async functions"],
  ["x = async function () {}", "async functions"],
  ["async x => x", "async arrow functions"],
  ["async (x) => x", "async arrow functions"],
  ["({async m() {}})", "async methods"],
  ["({*g() {}})", "generator methods"],
  ["for (const x of y) {}", "for-of loops"],
  ["for (k in o) {}", "for-in loops"],
  ["for (var k in o) {}", "for-in loops"],
  ["try {} catch (e) {}", "try statements"],
  ["with (a) {}", "with statements"],
  ["a: for (;;) break a", "labels"],
  ["for (;;) { break a }", "labels"],
  ["import x from 'y'", "import"],
  ["export const a = 1", "export"],
  ["import('x')", "import"],
  ["debugger", "debugger statements"],
  ["function f() { new.target }", "new.target"],
  ["({m() { super.x }})", "super"],
  ["\\u0061 = 1", "escapes in identifiers"],
  ["a\\u0062", "escapes in identifiers"],
];

describe("parse gives acorn's tree", () => {
  it.for(expressions)("for every expression form: %s", (source) => expectSameTree(source));

  it.for(statements)("for the statements generated code runs, semicolons inserted as acorn does: %s", (source) => expectSameTree(source));

  it("parse gives acorn's tree for Arquero's expression wrapper at ECMAScript 2020, and rejects what that edition lacks", () => {
    for (const code of ["d => d.a ?? 0", "d => d.a?.b", "(d, $) => op.mean(d.x) > $.min", "`${d.a}-${d.b}`", "d => 10n * d.x", "d => d.x ** 2"]) {
      expectSameTree(`expr=(${code})`, {ecmaVersion: 11});
    }
    for (const code of ["d => 1_000", "d => d.a ||= 1", "d => d.a ??= 1"]) expectBothReject(`expr=(${code})`, {ecmaVersion: 11});
  });
});

describe("parse rejects", () => {
  it.for(invalid)("invalid programs with a SyntaxError at line:column, as acorn does: %s", (source) => void expectBothReject(source));

  it("parse gives acorn's message, offset and location of an error", () => {
    const error = expectBothReject("let a = 1;\nlet b = a +;") as SyntaxError & {pos: number; loc: {line: number; column: number}};
    expect([error.message, error.pos, error.loc]).toEqual(["Unexpected token (2:11)", 22, {line: 2, column: 11}]);
  });

  it.for(unsupported)("syntax it leaves out, naming it and where it is: %s", ([source, what]) => {
    let error: unknown;
    try {
      parse(source);
    } catch (caught) {
      error = caught;
    }
    expect([error instanceof SyntaxError, (error as Error | undefined)?.message]).toEqual([true, `Unsupported syntax: ${what} (1:${unsupportedAt(source, what)})`]);
  });
});

/** Where each construct of the table above starts. */
function unsupportedAt(source: string, what: string): number {
  const starts: Record<string, RegExp> = {
    "async arrow functions": /async/, "async functions": /async/, "async methods": /async/, "generator functions": /function/, "generator methods": /\*/,
    "for-of loops": /for/, "for-in loops": /for/, labels: /a[:;]| a }/, "escapes in identifiers": /\\/, "new.target": /new/,
    "class": /class/, "with statements": /with/, "try statements": /try/, import: /import/, export: /export/, "debugger statements": /debugger/, super: /super/
  };
  const at = source.search(starts[what]!);
  return what === "labels" && source.startsWith("for") ? at + 1 : at;
}
