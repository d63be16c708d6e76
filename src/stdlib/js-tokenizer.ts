// The tokenizer of the reader's small JavaScript parser (js-parser.ts). It reads one token at a
// time when the parser asks: the parser knows where an expression starts, so it asks for a
// regular expression (`readRegex`) or the next piece of a template (`readTemplatePart`) there
// instead of the tokenizer guessing from the previous token.

/** A token: a name (identifier or keyword), a number, a string, a punctuator, or the end. */
type TokenType = "name" | "num" | "string" | "punc" | "eof";

/** Options of {@link parse}, as acorn names them. */
export interface ParseOptions {
  /** The edition of JavaScript: numeric separators and logical assignment need 12 or more. Default `"latest"`. */
  ecmaVersion?: number | "latest";
}

/** A piece of a template literal between its backticks and `${...}`s. */
export interface TemplatePart {
  start: number;
  end: number;
  raw: string;
  /** `null` for a bad escape (allowed in a tagged template only). */
  cooked: string | null;
  /** The part closes the template. */
  tail: boolean;
  /** Where a bad escape is. */
  badEscape?: number;
}

const identifierStart = /[\p{ID_Start}$_]/u;
const identifier = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/uy;
const punctuator = />>>=?|\.\.\.|[=!]==|\*\*=|<<=|>>=|&&=|\|\|=|\?\?=|=>|[=!<>]=|&&|\|\||\?\?|\?\.(?!\d)|\+\+|--|[-+*/%&|^]=|\*\*|<<|>>|[{}()[\];,<>+\-*/%&|^!~?:=.`]/y;
const lineBreak = /\r\n?|[\n\u2028\u2029]/g;
const space = /[\t\v\f \u00a0\ufeff\p{Zs}]/u;
const newline = /[\n\r\u2028\u2029]/;

/** The character at `pos` as a string of one code point. */
function codePointAt(input: string, pos: number): string {
  return String.fromCodePoint(input.codePointAt(pos) ?? 0);
}

/** A JavaScript tokenizer over `input`, one token at a time. */
export class Tokenizer {
  /** Where reading goes on: the end of the current token. */
  pos = 0;
  /** The current token's type. */
  type: TokenType = "eof";
  /** A name's text, a punctuator, a string's value, a number's value. */
  value: unknown;
  /** The current token's offsets in `input`. */
  start = 0;
  end = 0;
  /** The end of the token before this one. */
  lastEnd = 0;
  /** A line break comes between the previous token and this one. */
  newlineBefore = false;
  /** Strict mode code (a "use strict" directive). */
  strict = false;
  /** Where the token has a legacy octal number or escape, which strict mode refuses (else -1). */
  private octalAt = -1;
  /** The edition as acorn numbers it (11 for ES2020; `latest` is Infinity). */
  readonly ecmaVersion: number;

  constructor(readonly input: string, options: ParseOptions = {}) {
    const version = options.ecmaVersion ?? "latest";
    this.ecmaVersion = version === "latest" ? Infinity : version >= 2015 ? version - 2009 : version;
  }

  /** Throws a SyntaxError at `pos`, with acorn's `(line:column)` and its `pos`/`loc` fields. */
  raise(pos: number, message: string): never {
    let line = 1;
    let lineStart = 0;
    for (const match of this.input.slice(0, pos).matchAll(lineBreak)) {
      line++;
      lineStart = match.index + match[0].length;
    }
    const error = new SyntaxError(`${message} (${line}:${pos - lineStart})`);
    Object.assign(error, {pos, loc: {line, column: pos - lineStart}, raisedAt: this.pos});
    throw error;
  }

  /** Syntax this parser leaves out on purpose, named. */
  unsupported(pos: number, what: string): never {
    return this.raise(pos, `Unsupported syntax: ${what}`);
  }

  /** Whether the current token is the punctuator `p`. */
  is(p: string): boolean {
    return this.type === "punc" && this.value === p;
  }

  /** Whether the current token is the name `word`. */
  isName(word: string): boolean {
    return this.type === "name" && this.value === word;
  }

  /** The state to come back to after looking ahead. */
  save(): [number, TokenType, unknown, number, number, number, boolean, number] {
    return [this.pos, this.type, this.value, this.start, this.end, this.lastEnd, this.newlineBefore, this.octalAt];
  }

  restore(state: ReturnType<Tokenizer["save"]>): void {
    [this.pos, this.type, this.value, this.start, this.end, this.lastEnd, this.newlineBefore, this.octalAt] = state;
  }

  /** Turns strict mode on, from the current token. */
  enterStrict(): void {
    this.strict = true;
    this.checkOctal();
  }

  private checkOctal(): void {
    if (this.strict && this.octalAt >= 0) this.raise(this.octalAt, "Octal literal in strict mode");
  }

  /** Moves to the next token. */
  next(): void {
    this.octalAt = -1;
    this.lastEnd = this.end;
    this.newlineBefore = this.skipSpace();
    const {input} = this;
    const start = (this.start = this.pos);
    if (start >= input.length) return this.token("eof", undefined);
    const c = input[start]!;
    if (c === "'" || c === '"') return this.token("string", this.readString(c));
    if (/\d/.test(c) || (c === "." && /\d/.test(input[start + 1] ?? ""))) return this.token("num", this.readNumber());
    identifier.lastIndex = start;
    const word = identifier.exec(input)?.[0];
    if (word !== undefined) {
      this.pos += word.length;
      if (input[this.pos] === "\\") this.unsupported(this.pos, "escapes in identifiers");
      return this.token("name", word);
    }
    if (c === "\\") this.unsupported(start, "escapes in identifiers");
    if (c === "#") this.unsupported(start, "private names (classes)");
    punctuator.lastIndex = start;
    const p = punctuator.exec(input)?.[0];
    if (p === undefined) this.raise(start, `Unexpected character '${codePointAt(input, start)}'`);
    this.pos += p.length;
    this.token("punc", p);
  }

  private token(type: TokenType, value: unknown): void {
    this.type = type;
    this.value = value;
    this.end = this.pos;
    this.checkOctal();
  }

  /** Skips white space and comments (HTML-like ones too, as in a script); whether a line ended. */
  private skipSpace(): boolean {
    const {input} = this;
    let sawNewline = this.pos === 0;
    let crossed = false;
    while (this.pos < input.length) {
      const c = input[this.pos]!;
      if (newline.test(c)) {
        this.pos++;
        sawNewline = crossed = true;
      } else if (space.test(c)) this.pos++;
      else if (input.startsWith("//", this.pos) || input.startsWith("<!--", this.pos) || (sawNewline && input.startsWith("-->", this.pos))) {
        while (this.pos < input.length && !newline.test(input[this.pos]!)) this.pos++;
      } else if (input.startsWith("/*", this.pos)) {
        const close = input.indexOf("*/", this.pos + 2);
        if (close < 0) this.raise(this.pos, "Unterminated comment");
        if (newline.test(input.slice(this.pos, close))) sawNewline = crossed = true;
        this.pos = close + 2;
      } else break;
    }
    return crossed;
  }

  private readString(quote: string): string {
    const {input} = this;
    let value = "";
    this.pos++;
    for (;;) {
      const c = input[this.pos];
      if (c === undefined || c === "\n" || c === "\r") this.raise(this.start, "Unterminated string constant");
      if (c === quote) break;
      if (c === "\\") value += this.readEscape(false);
      else {
        value += c;
        this.pos++;
      }
    }
    this.pos++;
    return value;
  }

  /** The value of the escape at `pos` (its backslash); a template's bad escape throws `undefined`. */
  private readEscape(inTemplate: boolean): string {
    const {input} = this;
    const at = this.pos;
    const c = input[++this.pos] ?? "";
    this.pos++;
    const bad = (message: string): never => {
      if (inTemplate) throw undefined;
      return this.raise(at, message);
    };
    const hex = (digits: string, max = 0xffff) => {
      const code = /^[\da-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
      if (!(code <= max)) bad(max > 0xffff ? "Code point out of bounds" : "Bad character escape sequence");
      return String.fromCodePoint(code);
    };
    switch (c) {
      case "n": return "\n";
      case "t": return "\t";
      case "r": return "\r";
      case "b": return "\b";
      case "v": return "\v";
      case "f": return "\f";
      case "\r":
        if (input[this.pos] === "\n") this.pos++;
        return "";
      case "\n":
      case "\u2028":
      case "\u2029":
        return "";
      case "x":
        this.pos += 2;
        return hex(input.slice(this.pos - 2, this.pos).padEnd(2, "?"));
      case "u": {
        if (input[this.pos] !== "{") {
          this.pos += 4;
          return hex(input.slice(this.pos - 4, this.pos).padEnd(4, "?"));
        }
        const close = input.indexOf("}", this.pos);
        const digits = close < 0 ? "?" : input.slice(this.pos + 1, close);
        this.pos = close + 1;
        return hex(digits, 0x10ffff);
      }
      case "8":
      case "9":
        if (inTemplate) bad("Invalid escape sequence in template string");
        this.octalAt = at;
        return c;
    }
    if (c >= "0" && c <= "7") {
      let octal = /^[0-7]{1,3}/.exec(input.slice(this.pos - 1))![0];
      if (parseInt(octal, 8) > 255) octal = octal.slice(0, -1);
      if (octal === "0" && !/\d/.test(input[this.pos] ?? "")) return "\0";
      if (inTemplate) bad("Octal literal in template string");
      this.octalAt = at;
      this.pos += octal.length - 1;
      return String.fromCharCode(parseInt(octal, 8));
    }
    if (c === "") this.raise(this.start, "Unterminated string constant");
    const char = codePointAt(input, this.pos - 1);
    this.pos += char.length - 1;
    return char;
  }

  private readNumber(): number | bigint {
    const {input, start} = this;
    const separators = this.ecmaVersion >= 12 ? "_" : "";
    const digits = (set: string) => new RegExp(separators ? `[${set}]+(?:_[${set}]+)*` : `[${set}]+`, "y");
    const take = (pattern: RegExp): string => {
      pattern.lastIndex = this.pos;
      const text = pattern.exec(input)?.[0] ?? "";
      this.pos += text.length;
      return text;
    };
    const radix = /^0[xob]/i.test(input.slice(start, start + 2)) ? {x: "\\da-fA-F", o: "0-7", b: "01"}[input[start + 1]!.toLowerCase() as "x"] : undefined;
    let integer = true;
    let legacy = false;
    if (radix !== undefined) {
      this.pos += 2;
      if (!take(digits(radix))) this.raise(start + 2, "Expected number in radix");
    } else if (/^0\d/.test(input.slice(start, start + 2))) {
      this.octalAt = start;
      take(/\d+/y);
      legacy = /^[0-7]+$/.test(input.slice(start, this.pos));
      if (!legacy) integer = !this.readFraction(take, /\d+/y);
    } else {
      if (input.startsWith("0_", start)) this.raise(start + 1, "Numeric separator is not allowed in legacy octal numeric literals");
      take(digits("\\d"));
      integer = !this.readFraction(take, digits("\\d"));
    }
    const text = input.slice(start, this.pos).replace(/_/g, "");
    let value: number | bigint = legacy ? parseInt(text, 8) : Number(text);
    if (input[this.pos] === "n" && integer && !legacy && (radix !== undefined || !/^0\d/.test(text))) {
      this.pos++;
      value = BigInt(text);
    }
    const after = input[this.pos] ?? "";
    if (/[\d_\\]/.test(after) || identifierStart.test(codePointAt(input, this.pos))) this.raise(this.pos, "Identifier directly after number");
    return value;
  }

  /** Reads a fraction and exponent after an integer part; whether there was either. */
  private readFraction(take: (pattern: RegExp) => string, digits: RegExp): boolean {
    const {input} = this;
    const begin = this.pos;
    if (input[this.pos] === ".") {
      this.pos++;
      take(digits);
    }
    if (/[eE]/.test(input[this.pos] ?? "")) {
      this.pos++;
      if (/[+-]/.test(input[this.pos] ?? "")) this.pos++;
      if (!take(digits)) this.raise(this.start, "Invalid number");
    }
    return this.pos > begin;
  }

  /** Reads a regular expression from the current `/` or `/=` token; the token becomes its literal. */
  readRegex(): {pattern: string; flags: string; value: RegExp | null} {
    const {input} = this;
    let inClass = false;
    let pos = this.start + 1;
    for (;; pos++) {
      const c = input[pos];
      if (c === undefined || newline.test(c)) this.raise(this.start, "Unterminated regular expression");
      if (c === "\\") pos++;
      else if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      else if (c === "/" && !inClass) break;
    }
    const pattern = input.slice(this.start + 1, pos);
    identifier.lastIndex = ++pos;
    const flags = identifier.exec(input)?.[0] ?? "";
    this.pos = pos + flags.length;
    if (!/^(?!.*(.).*\1)[dgimsuyv]*$/.test(flags) || (flags.includes("u") && flags.includes("v"))) this.raise(this.start, "Invalid regular expression flag");
    let value: RegExp | null;
    try {
      value = new RegExp(pattern, flags);
    } catch (error) {
      return this.raise(this.start, `Invalid regular expression: /${pattern}/: ${(error as Error).message.replace(/^.*: /, "")}`);
    }
    this.token("punc", "regex");
    return {pattern, flags, value};
  }

  /** Reads a template's next part, from the end of the current token (a backtick or `}`). */
  readTemplatePart(): TemplatePart {
    const {input} = this;
    const start = (this.pos = this.end);
    let cooked: string | null = "";
    let badEscape: number | undefined;
    for (;;) {
      const c = input[this.pos];
      if (c === undefined) this.raise(this.start, "Unterminated template");
      if (c === "`" || (c === "$" && input[this.pos + 1] === "{")) break;
      if (c === "\\") {
        const at = this.pos;
        try {
          const escape = this.readEscape(true);
          if (cooked !== null) cooked += escape;
        } catch (error) {
          if (error !== undefined) throw error;
          badEscape ??= at;
          cooked = null;
          this.pos = at + 2;
        }
      } else if (c === "\r") {
        this.pos += input[this.pos + 1] === "\n" ? 2 : 1;
        if (cooked !== null) cooked += "\n";
      } else {
        if (cooked !== null) cooked += c;
        this.pos++;
      }
    }
    const end = this.pos;
    const tail = input[this.pos] === "`";
    this.pos += tail ? 1 : 2;
    this.start = end;
    this.token("punc", tail ? "`" : "${");
    return {start, end, raw: input.slice(start, end).replace(/\r\n?/g, "\n"), cooked, tail, badEscape};
  }
}
