import { checkSheet, checkSheetTables, isInTable } from "../../src/core/check";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { planCleaning } from "../../src/core/clean/planCleaning";
import type { CellValue, SheetSnapshot } from "../../src/core/model";
import { buildSummary, detailSheetPlan } from "../../src/core/summary/summaryModel";

const GOOD = "1、产出指标：资金拨付及时率，年度指标值：≥90%。2、效益指标：基层党建水平指标，年度指标值：合格。3、满意度指标：群众满意度，年度指标值：≥90%。";
const BAD = "1、产出指数：培训人次，年度指标值：≥**人。";

/** 本级 and 转移支付 tables on one sheet, the second with a 序号 column more. */
const TWO: CellValue[][] = [
  ["一、本级项目绩效目标表"],
  ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
  ["某局", "某局", "本级项目1", "目标", BAD],
  [],
  ["某局", "某局", "本级项目2", "目标", GOOD],
  [],
  ["二、转移支付项目绩效目标表"],
  ["序号", "主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
  [1, "某局", "某中心", "转移支付项目1", "目标", GOOD],
  [2, "某局", "某中心", "转移支付项目2", "目标", BAD],
];
const sheet: SheetSnapshot = { name: "绩效目标", values: TWO };

function checks(snapshot: SheetSnapshot) {
  return checkSheetTables(snapshot).flatMap((o) => (o.ok ? [o.check] : []));
}

describe("a sheet holding two tables with different columns", () => {
  it("checks both, each with its own header and columns, on the sheet's own row numbers", () => {
    const [first, second, ...more] = checks(sheet);
    expect(more).toEqual([]);
    expect([first?.table.headerRowIndex, first?.table.columns.indicators, first?.table.dataRowIndexes, first?.table.nextTableRowIndex]).toEqual([1, 4, [2, 4], 7]);
    expect([second?.table.headerRowIndex, second?.table.columns.indicators, second?.table.dataRowIndexes]).toEqual([7, 5, [8, 9]]);
    expect(second?.rows.map((r) => [r.rowNumber, r.unit, r.project])).toEqual([
      [9, "某中心", "转移支付项目1"],
      [10, "某中心", "转移支付项目2"],
    ]);
    const errors = [first, second].flatMap((c) => c!.issues.filter((i) => i.severity === "error").map((i) => `${i.cell} ${i.code}`));
    expect(errors).toEqual(["E3 category_unknown", "E3 placeholder_left", "F10 category_unknown", "F10 placeholder_left"]);
    // The first table's blank row 4 is its own; the blank row above the second table is nobody's.
    expect(first?.table.skipped.map((s) => [s.rowIndex + 1, s.reason])).toEqual([
      [1, "title"],
      [4, "blank"],
      [7, "title"],
    ]);
    for (const issue of first!.issues) expect(isInTable(first!.table, issue.rowNumber - 1)).toBe(true);
    for (const issue of second!.issues) expect(isInTable(first!.table, issue.rowNumber - 1)).toBe(false);
  });

  it("finds the first table even when the second one's header scores higher", () => {
    // checkSheet alone checks the first table; the old choice was the second, the first lost.
    const outcome = checkSheet(sheet);
    expect(outcome.ok && outcome.check.rows.map((r) => r.project)).toEqual(["本级项目1", "本级项目2"]);
  });

  it("reports, summarises, details and cleans the sheet once", () => {
    const result = checkWorkbook([sheet]);
    expect(result.report.sheets.map((s) => [s.name, s.headerRow, s.dataRows])).toEqual([
      ["绩效目标", 2, 2],
      ["绩效目标", 8, 2],
    ]);
    const summary = buildSummary({ checks: result.checks, lang: "zh" });
    expect([summary.sheets, summary.projects]).toEqual([["绩效目标"], 4]);
    const detail = detailSheetPlan(result.checks, "zh");
    expect(detail.rows[0]?.[0]).toBe("行号");
    expect(detail.rows.slice(1).map((r) => r[0])).toEqual([3, 5, 5, 5, 9, 9, 9, 10]);
    expect(planCleaning(result.checks).removeRowIndexes).toEqual({ 绩效目标: [3] });
  });

  it("keeps one table when the header below repeats the same columns (a table split by a section title)", () => {
    const header = TWO[1] as CellValue[];
    const same: SheetSnapshot = { name: "表", values: [header, ["某局", "某局", "项目1", "目标", GOOD], ["二、转移支付项目"], header, ["某局", "某局", "项目2", "目标", GOOD]] };
    const all = checks(same);
    expect(all).toHaveLength(1);
    expect(all[0]?.table.skipped.map((s) => [s.rowIndex + 1, s.reason])).toEqual([
      [3, "title"],
      [4, "repeatedHeader"],
    ]);
  });

  it("reads the header printed again in other words (a page break's header) as a repeated header", () => {
    const again: SheetSnapshot = {
      name: "表",
      values: [
        ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
        ["某局", "某局", "项目1", "目标", GOOD],
        ["主管部门名称", "单位名称", "项目", "年度绩效目标", "绩效指标（年度指标值）"],
        ["某局", "某局", "项目2", "目标", GOOD],
      ],
    };
    const all = checks(again);
    expect(all).toHaveLength(1);
    expect(all[0]?.table.dataRowIndexes).toEqual([1, 3]);
    expect(all[0]?.table.skipped).toEqual([{ rowIndex: 2, reason: "repeatedHeader" }]);
  });

  it("makes no table of header words under a table with no rows of their own", () => {
    const trailing: SheetSnapshot = { name: "表", values: [...TWO.slice(0, 5), [], TWO[7] as CellValue[]] };
    expect(checks(trailing).map((c) => c.table.headerRowIndex)).toEqual([1]);
  });

  it("keeps the table named by hand whole", () => {
    const outcomes = checkSheetTables(sheet, { table: { headerRowNumber: 8 } });
    expect(outcomes).toHaveLength(1);
  });
});
