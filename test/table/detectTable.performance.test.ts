import { performance } from "node:perf_hooks";
import { detectTable } from "../../src/core/table/detectTable";
import type { CellValue } from "../../src/core/model";
import { seedSnapshot, sheet } from "./sheets";

const ROWS = 100_000;

describe("detecting a 100,000-row table", () => {
  it("takes well under a second and finds every data row", () => {
    // The seed's 35 projects repeated, with a blank row every 1,000 rows.
    const seed = seedSnapshot().values;
    const header = seed[4]!;
    const projects = seed.slice(5, 42).filter((row) => row.some((v) => v !== null));
    const values: CellValue[][] = [seed[2]!, header];
    for (let i = 0; values.length < ROWS; i++) {
      values.push(i % 1000 === 999 ? [null, null, null, null, null] : projects[i % projects.length]!);
    }

    const started = performance.now();
    const result = detectTable(sheet(values));
    const elapsed = performance.now() - started;

    if (!result.ok) throw new Error(result.failure.kind);
    const blanks = result.table.skipped.filter((s) => s.reason === "blank").length;
    expect(result.table.dataRowIndexes.length + blanks).toBe(ROWS - 2);
    expect(blanks).toBe(99);
    expect(elapsed).toBeLessThan(600);
  });
});
