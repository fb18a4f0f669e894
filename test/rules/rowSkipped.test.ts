import type { RuleFinding } from "../../src/core/rules/rule";
import { rowSkippedRule } from "../../src/core/rules/rowSkipped";
import { seedRows, seedTable } from "./harness";

describe("row_skipped", () => {
  it("reports the seed's blank rows 24 and 41 and the dashes on row 43, at column A", () => {
    const rows = seedRows();
    const out: RuleFinding[] = [];
    rowSkippedRule.checkTable?.({ sheet: "Sheet1", table: seedTable(rows), rows }, (f) => out.push(f));
    expect(out.map((f) => [f.cell, f.code, f.params?.reason])).toEqual([
      ["A24", "row_skipped", "blank"],
      ["A41", "row_skipped", "blank"],
      ["A43", "row_skipped", "dashes"],
    ]);
  });

  it("does not report the title and blank rows above the header", () => {
    const rows = seedRows();
    const table = { ...seedTable(rows), skipped: seedTable(rows).skipped.filter((s) => s.rowIndex < 4) };
    const out: RuleFinding[] = [];
    rowSkippedRule.checkTable?.({ sheet: "Sheet1", table, rows }, (f) => out.push(f));
    expect(out).toEqual([]);
  });

  it("reports at the table's first column when the table starts at column C", () => {
    const rows = seedRows();
    const seed = seedTable(rows);
    const columns = Object.fromEntries(Object.entries(seed.columns).map(([role, c]) => [role, (c as number) + 2]));
    const out: RuleFinding[] = [];
    rowSkippedRule.checkTable?.({ sheet: "Sheet1", table: { ...seed, columns }, rows }, (f) => out.push(f));
    expect(out.map((f) => f.cell)).toEqual(["C24", "C41", "C43"]);
  });
});
