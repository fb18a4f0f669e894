import type { RuleFinding } from "../../src/core/rules/rule";
import { duplicateProjectRule } from "../../src/core/rules/duplicateProject";
import { PARTY_DELEGATE, VILLAGE_OFFICE } from "./cells";
import { dataRow, seedRows, seedTable } from "./harness";
import type { RowContext } from "../../src/core/rules/rule";

function run(rows: RowContext[]): [string, string, unknown][] {
  const out: RuleFinding[] = [];
  duplicateProjectRule.checkTable?.({ sheet: "Sheet1", table: seedTable(rows), rows }, (f) => out.push(f));
  return out.map((f) => [f.cell ?? "", f.code, f.params?.firstRow]);
}

describe("duplicate_project", () => {
  it("flags a row identical to an earlier one, at its project cell", () => {
    const rows = [dataRow(PARTY_DELEGATE, 6), dataRow(VILLAGE_OFFICE, 7, "区级村办公经费（本部）"), dataRow(PARTY_DELEGATE, 8)];
    expect(run(rows)).toEqual([["C8", "duplicate_project", 6]]);
  });

  it("accepts the seed: same indicators, different towns are different projects", () => {
    expect(run(seedRows())).toEqual([]);
  });
});
