import { RowDeletion, shiftFormulaRows } from "../../src/workbook/formulaRows";

// The cleaner deletes a blank row 24 and the dash row 43 of 绩效目标表.
const deletion = new RowDeletion([24, 43]);
const onTable = (formula: string) => shiftFormulaRows(formula, deletion, "绩效目标表", "绩效目标表");
const onOther = (formula: string) => shiftFormulaRows(formula, deletion, "绩效目标表", "说明");

describe("shiftFormulaRows: references after deleting rows 24 and 43", () => {
  it.each([
    ["a cell above the deleted rows stays", "F6*2", "F6*2"],
    ["a cell below moves up by the deleted rows above it", "F30+F44", "F29+F42"],
    ["anchors are kept", "$F$30+F$44", "$F$29+F$42"],
    ["a range over a deleted row shrinks", "SUM(F6:F40)", "SUM(F6:F39)"],
    ["a range ending on a deleted row ends on the row before it", "SUM(F25:F43)", "SUM(F24:F41)"],
    ["a reference to a deleted cell becomes #REF!", "F24+1", "#REF!+1"],
    ["a range made only of deleted rows becomes #REF!", "SUM(F24:G24)", "SUM(#REF!)"],
    ["a row range shrinks too", "SUM(30:44)", "SUM(29:42)"],
    ["whole columns do not change", "SUM(F:F)", "SUM(F:F)"],
    ["text in quotes is not a reference", 'IF(F30="F30","F44",F44)', 'IF(F29="F30","F44",F42)'],
    ["function names ending in digits are not references", "LOG10(F30)", "LOG10(F29)"],
    ["references to another sheet do not change", "说明!A30+'其他 表'!B44", "说明!A30+'其他 表'!B44"],
    ["a qualified reference to the sheet itself moves", "'绩效目标表'!E44", "'绩效目标表'!E42"],
  ])("%s: =%s → =%s", (_, before, after) => {
    expect(onTable(before)).toBe(after);
  });

  it("moves references from other sheets into the table, not their own cells", () => {
    expect(onOther("绩效目标表!E44&A44")).toBe("绩效目标表!E42&A44");
    expect(onOther("'绩效目标表'!E30:E44")).toBe("'绩效目标表'!E29:E42");
  });

  it("finds a sheet name with a doubled quote", () => {
    const d = new RowDeletion([1]);
    expect(shiftFormulaRows("'it''s'!A5+A5", d, "it's", "other")).toBe("'it''s'!A4+A5");
  });

  it("maps surviving rows and ranges", () => {
    expect([deletion.newRow(23), deletion.newRow(25), deletion.newRow(44)]).toEqual([23, 24, 42]);
    expect(deletion.newRange(24, 24)).toBeUndefined();
    expect(deletion.newRange(20, 30)).toEqual({ top: 20, bottom: 29 });
  });

  it("scans a long formula in linear time (no catastrophic backtracking)", () => {
    const long = `${"ABCDEFGH".repeat(20000)}(F30)`;
    const started = Date.now();
    expect(onTable(long)).toBe(`${"ABCDEFGH".repeat(20000)}(F29)`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
