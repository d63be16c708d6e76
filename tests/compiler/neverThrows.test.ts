import {describe, expect, it} from "vitest";
import {compileCell} from "../../src/compiler/index.ts";
import {createCell, type CellMode} from "../../src/notebook/index.ts";

const modes: CellMode[] = ["js", "ts", "ojs", "md", "html", "tex", "sql", "dot", "node", "python", "r"];
const fragments = [
  "x", "=", "1", "${", "}", "{", "`", "\\", "\n", "(", ")", "=>", "await", "yield", "import", "from", '"npm:d3"', "viewof",
  "mutable", "const", "let", "function", "class", ";", ",", ".", "FileAttachment", "export", "return", "#", "SELECT", "'"
];

describe("compileCell on random sources", () => {
  it("compileCell never throws and an erroneous body always throws a positioned SyntaxError", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let run = 0; run < 3000; run++) {
      const source = Array.from({length: Math.floor(next() * 12)}, () => fragments[Math.floor(next() * fragments.length)]).join(" ");
      const mode = modes[run % modes.length]!;
      const cell = compileCell(createCell({id: 1, mode, source}));
      const body = new Function(`return (${cell.body});`)();
      expect(typeof body, source).toBe("function");
      if (cell.error) {
        expect(() => body(), source).toThrow(`(${cell.error.line}:${cell.error.column})`);
        expect(cell.error.line, source).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
