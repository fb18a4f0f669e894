import { indicatorCellEmptyRule } from "../../src/core/rules/indicatorCellEmpty";
import { CLEAN } from "./cells";
import { cellCodes, dataRow } from "./harness";

describe("indicator_cell_empty", () => {
  it("flags a data row whose indicator cell is blank", () => {
    expect(cellCodes(indicatorCellEmptyRule, dataRow("", 9))).toEqual([["E9", "indicator_cell_empty"]]);
  });

  it("flags a cell holding only spaces and line breaks", () => {
    expect(cellCodes(indicatorCellEmptyRule, dataRow("  \n\u3000 ", 12))).toEqual([["E12", "indicator_cell_empty"]]);
  });

  it("names the project in its params", () => {
    const findings: unknown[] = [];
    indicatorCellEmptyRule.checkRow?.(dataRow("", 9, "干部培训经费"), (f) => findings.push(f.params));
    expect(findings).toEqual([{ project: "干部培训经费" }]);
  });

  it("stays quiet on a cell with indicators, even one it cannot read", () => {
    expect(cellCodes(indicatorCellEmptyRule, dataRow(CLEAN))).toEqual([]);
    expect(cellCodes(indicatorCellEmptyRule, dataRow("详见附件"))).toEqual([]);
  });
});
